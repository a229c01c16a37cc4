//! `riskguard locales check` end to end, through the real binary: each seeded mistake under
//! `tests/locales-lint/<mistake>/` is caught with its code, file, line:col and message, and
//! the shipped `locales/` pass (this is how CI lints them: `cargo test --workspace`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::process::{Command, Output};

use serde_json::Value;

fn riskguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riskguard"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("riskguard runs")
}

/// One expected finding: code, file inside the fixture, line, column, a message fragment.
type Expected<'a> = (&'a str, &'a str, u64, u64, &'a str);

/// Lints `tests/locales-lint/<fixture>` with `--format json` and asserts the exit code and
/// exactly the `expected` findings, in order.
fn assert_finds(fixture: &str, exit_code: i32, expected: &[Expected<'_>]) {
    let dir = format!("tests/locales-lint/{fixture}");
    let out = riskguard(&["locales", "check", &dir, "--format", "json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let found: Vec<Value> = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{fixture}: stdout is not a JSON array ({e}): {stdout}"));
    let summary: Vec<(&str, String, u64, u64)> = found
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default(),
                d["file"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let want: Vec<(&str, String, u64, u64)> = expected
        .iter()
        .map(|(code, file, line, column, _)| (*code, format!("{dir}/{file}"), *line, *column))
        .collect();
    assert_eq!(summary, want, "{fixture}: {stdout}");
    for (diagnostic, (code, _, _, _, fragment)) in found.iter().zip(expected) {
        let message = diagnostic["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(fragment),
            "{fixture}: {code}: {message:?} lacks {fragment:?}"
        );
        let severity = diagnostic["severity"].as_str().unwrap_or_default();
        assert!(matches!(severity, "error" | "warning"), "{severity}");
        assert!(diagnostic["excerpt"].is_string() && diagnostic["caret_column"].is_u64());
    }
    assert_eq!(out.status.code(), Some(exit_code), "{fixture}: {stderr}");
    assert!(
        stderr.contains(" files\n") || stderr.contains(" file\n"),
        "{fixture}: the summary goes to stderr with --format json: {stderr}"
    );
}

#[test]
fn shipped_locales_pass() {
    let out = riskguard(&["locales", "check", "locales"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .ends_with("0 errors, 0 warnings in 9 files"),
        "{stdout}"
    );
}

#[test]
fn dir_defaults_to_locales_and_json_parses() {
    let out = riskguard(&["locales", "check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let found: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(found, Value::Array(Vec::new()));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "0 errors, 0 warnings in 9 files"
    );
}

#[test]
fn human_output_shows_the_line_and_a_caret_under_chinese_text() {
    let out = riskguard(&[
        "locales",
        "check",
        "tests/locales-lint/syntax-unclosed-placeable",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "error[syntax]: expected a token starting with \"}\" (a `{ … }` placeable is not closed)
 --> tests/locales-lint/syntax-unclosed-placeable/zh-Hans/quiz.ftl:4:30
  |
4 | quiz-progress = 第 { $current 题，共 { $total } 题
  |                               ^

1 error, 0 warnings in 2 files
"
    );
}

#[test]
fn a_directory_without_en_us_is_refused() {
    let out = riskguard(&["locales", "check", "tests/locales-lint/does-not-exist"]);
    assert_eq!(out.status.code(), Some(2));
    let out = riskguard(&["locales", "check", "cli"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("en-US"));
}

// ---- One test per seeded mistake. ----

#[test]
fn syntax_unclosed_placeable() {
    assert_finds(
        "syntax-unclosed-placeable",
        1,
        &[(
            "syntax",
            "zh-Hans/quiz.ftl",
            4,
            30,
            "placeable is not closed",
        )],
    );
}

#[test]
fn syntax_space_in_id() {
    assert_finds(
        "syntax-space-in-id",
        1,
        &[
            ("syntax", "zh-Hans/quiz.ftl", 4, 6, "an id is one word"),
            (
                "missing-message",
                "zh-Hans/quiz.ftl",
                5,
                1,
                "`quiz-check` is missing",
            ),
        ],
    );
}

#[test]
fn syntax_no_default_variant() {
    assert_finds(
        "syntax-no-default-variant",
        1,
        &[(
            "syntax",
            "zh-Hans/warning.ftl",
            6,
            1,
            "must have a default variant",
        )],
    );
}

#[test]
fn syntax_unindented_continuation() {
    assert_finds(
        "syntax-unindented-continuation",
        1,
        &[("syntax", "zh-Hans/warning.ftl", 4, 1, "must be indented")],
    );
}

#[test]
fn syntax_unbalanced_brace() {
    assert_finds(
        "syntax-unbalanced-brace",
        1,
        &[(
            "syntax",
            "zh-Hans/quiz.ftl",
            3,
            21,
            "unbalanced closing brace",
        )],
    );
}

#[test]
fn empty_value() {
    assert_finds(
        "empty-value",
        1,
        &[(
            "empty-value",
            "zh-Hans/warning.ftl",
            3,
            1,
            "`warning-cancel` has no text",
        )],
    );
}

#[test]
fn empty_string_literal() {
    assert_finds(
        "empty-string-literal",
        1,
        &[(
            "empty-value",
            "zh-Hans/warning.ftl",
            4,
            1,
            "`warning-proceed` is empty",
        )],
    );
}

#[test]
fn empty_value_only_attributes() {
    assert_finds(
        "empty-value-only-attributes",
        1,
        &[(
            "empty-value",
            "zh-Hans/warning.ftl",
            3,
            1,
            "no text of its own",
        )],
    );
}

#[test]
fn missing_message() {
    assert_finds(
        "missing-message",
        1,
        &[(
            "missing-message",
            "zh-Hans/quiz.ftl",
            4,
            1,
            "`quiz-next` is missing: en-US has it at en-US/quiz.ftl:4:1; add it before `quiz-finish`",
        )],
    );
}

#[test]
fn obsolete_message() {
    assert_finds(
        "obsolete-message",
        1,
        &[
            (
                "obsolete-message",
                "zh-Hans/quiz.ftl",
                4,
                1,
                "`quiz-titel` is not in en-US/quiz.ftl",
            ),
            (
                "missing-message",
                "zh-Hans/quiz.ftl",
                5,
                1,
                "add it at the end of the file",
            ),
        ],
    );
}

#[test]
fn missing_file() {
    assert_finds(
        "missing-file",
        1,
        &[(
            "missing-file",
            "zh-Hans/categories.ftl",
            1,
            1,
            "zh-Hans has no categories.ftl",
        )],
    );
}

#[test]
fn attribute_missing() {
    assert_finds(
        "attribute-missing",
        1,
        &[(
            "attribute-mismatch",
            "zh-Hans/warning.ftl",
            3,
            1,
            "lacks the attribute `.title`",
        )],
    );
}

#[test]
fn attribute_renamed() {
    assert_finds(
        "attribute-renamed",
        1,
        &[
            (
                "attribute-mismatch",
                "zh-Hans/warning.ftl",
                3,
                1,
                "lacks the attribute `.aria-label`",
            ),
            (
                "attribute-mismatch",
                "zh-Hans/warning.ftl",
                4,
                5,
                "`report-wrong.aria-lable` is not in en-US",
            ),
        ],
    );
}

#[test]
fn variable_dropped() {
    assert_finds(
        "variable-dropped",
        1,
        &[(
            "variable-mismatch",
            "zh-Hans/warning.ftl",
            4,
            1,
            "does not use `{ $amount }`",
        )],
    );
}

#[test]
fn variable_renamed() {
    assert_finds(
        "variable-renamed",
        1,
        &[
            (
                "variable-mismatch",
                "zh-Hans/warning.ftl",
                4,
                1,
                "does not use `{ $amount }`",
            ),
            (
                "variable-mismatch",
                "zh-Hans/warning.ftl",
                4,
                31,
                "`$amout` is not a variable of `warning-amount-line`",
            ),
            (
                "undocumented-variable",
                "zh-Hans/warning.ftl",
                4,
                31,
                "`$amout` in `warning-amount-line` is not explained",
            ),
        ],
    );
}

#[test]
fn unusable_plural_variant_is_a_warning() {
    assert_finds(
        "unusable-plural-variant",
        0,
        &[(
            "unusable-plural-variant",
            "zh-Hans/warning.ftl",
            5,
            6,
            "`[one]` in `warning-new-payees` is never chosen: zh-Hans numbers are only `other`",
        )],
    );
}

#[test]
fn duplicate_id() {
    assert_finds(
        "duplicate-id",
        1,
        &[(
            "duplicate-id",
            "zh-Hans/quiz.ftl",
            5,
            1,
            "`quiz-next` is defined twice in zh-Hans: first at zh-Hans/quiz.ftl:3",
        )],
    );
}

#[test]
fn duplicate_id_across_files() {
    assert_finds(
        "duplicate-id-across-files",
        1,
        &[(
            "duplicate-id",
            "en-US/warning.ftl",
            2,
            1,
            "first at en-US/quiz.ftl:3",
        )],
    );
}

#[test]
fn undocumented_variable_is_a_warning() {
    assert_finds(
        "undocumented-variable",
        0,
        &[(
            "undocumented-variable",
            "en-US/quiz.ftl",
            4,
            38,
            "`$total` in `quiz-score` is not explained",
        )],
    );
}

#[test]
fn undocumented_variable_in_a_translation() {
    assert_finds(
        "undocumented-variable-translation",
        0,
        &[(
            "undocumented-variable",
            "zh-Hans/quiz.ftl",
            4,
            38,
            "`$total` in `quiz-progress` is not explained",
        )],
    );
}

#[test]
fn not_utf8() {
    assert_finds(
        "not-utf8",
        1,
        &[("encoding", "zh-Hans/quiz.ftl", 1, 1, "not UTF-8")],
    );
}
