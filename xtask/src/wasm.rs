//! Building a Leptos CSR crate for the browser: `cargo build` to wasm with the `wasm-release`
//! profile, `wasm-bindgen --target web`, then `wasm-opt -Oz` from the pinned npm binaryen.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};

use crate::cmd::step;
use crate::tools::WASM_TARGET;
use crate::workspace::Workspace;

/// The cargo profile the shipped wasm is built with (size-optimised, see the root Cargo.toml).
pub const PROFILE: &str = "wasm-release";

/// The wasm features rustc 1.95 emits by default for wasm32-unknown-unknown, plus what
/// wasm-bindgen 0.2.130 adds (reference types for its externref table); wasm-opt must accept
/// them all, and must not use any feature beyond them.
pub const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// How wasm-opt optimises: for size, but inlining a function that has one caller only when it
/// is small. Plain `-Oz` inlines every one-caller function, which makes the module a little
/// smaller raw and clearly larger gzipped (measured on the component: −41.7 KB gzip with
/// `-ocimfs=10`; on the engine alone, see `cargo xtask bench engine-size`).
pub const WASM_OPT_LEVEL: &[&str] = &["-Oz", "--one-caller-inline-max-function-size=10"];

/// A crate to build for the browser.
pub struct App<'a> {
    /// The cargo package, e.g. `riskguard`.
    pub package: &'a str,
    /// Where the browser-ready files go, e.g. `target/dist/pkg`.
    pub out_dir: PathBuf,
    /// The base name of the output files: `<name>_bg.wasm` and `<name>.js`.
    pub out_name: &'a str,
}

/// The files a build produced.
pub struct Built {
    /// The optimised wasm module (`<name>_bg.wasm`).
    pub wasm: PathBuf,
    /// The JS glue that loads it (`<name>.js`).
    pub js: PathBuf,
}

/// The component: package `riskguard` into `target/dist/pkg/riskguard{_bg.wasm,.js}`.
pub fn component(ws: &Workspace) -> App<'static> {
    App {
        package: "riskguard",
        out_dir: ws.pkg_dir(),
        out_name: "riskguard",
    }
}

/// The size baseline: `xtask/hello-world` into `target/dist/hello-world/`.
pub fn hello_world(ws: &Workspace) -> App<'static> {
    App {
        package: "riskguard-hello-world",
        out_dir: ws.dist().join("hello-world"),
        out_name: "hello_world",
    }
}

/// Builds `app` (tools must already be set up, see [`crate::tools::setup`]).
pub fn build(ws: &Workspace, app: &App) -> Result<Built> {
    let started = Instant::now();
    step(format!(
        "building {} for {WASM_TARGET} (profile {PROFILE})…",
        app.package
    ));
    ws.cargo()
        .args(["build", "-p", app.package, "--lib", "--target", WASM_TARGET])
        .args(["--profile", PROFILE])
        .run()?;
    let raw = ws
        .target_dir()
        .join(WASM_TARGET)
        .join(PROFILE)
        .join(format!("{}.wasm", app.package.replace('-', "_")));

    let built = Built {
        wasm: app.out_dir.join(format!("{}_bg.wasm", app.out_name)),
        js: app.out_dir.join(format!("{}.js", app.out_name)),
    };
    // wasm-bindgen and wasm-opt take ~20 s; skip them when cargo's output is the one they
    // last processed successfully (the stamp is written only after wasm-opt succeeded).
    let stamp_path = app.out_dir.join(".built-from");
    let stamp = stamp_of(&raw)?;
    let up_to_date = std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp)
        && built.wasm.is_file()
        && built.js.is_file();
    if up_to_date {
        step(format!(
            "{} is up to date with cargo's output: skipping wasm-bindgen and wasm-opt",
            shown(ws, &app.out_dir)
        ));
        return Ok(built);
    }
    step(format!(
        "generating JS bindings into {}…",
        shown(ws, &app.out_dir)
    ));
    if app.out_dir.exists() {
        std::fs::remove_dir_all(&app.out_dir)
            .with_context(|| format!("cannot clear {}", app.out_dir.display()))?;
    }
    ws.cmd(ws.wasm_bindgen())
        .args(["--target", "web", "--no-typescript"])
        .args(["--remove-name-section", "--remove-producers-section"])
        .arg("--out-dir")
        .arg(&app.out_dir)
        .args(["--out-name", app.out_name])
        .arg(&raw)
        .run()?;

    step(format!(
        "optimising {} with wasm-opt {}…",
        shown(ws, &built.wasm),
        WASM_OPT_LEVEL.join(" ")
    ));
    ws.cmd(ws.wasm_opt())
        .args(WASM_OPT_LEVEL)
        .args(WASM_OPT_FEATURES)
        .arg("-o")
        .arg(&built.wasm)
        .arg(&built.wasm)
        .run()?;
    std::fs::write(&stamp_path, stamp)
        .with_context(|| format!("cannot write {}", stamp_path.display()))?;
    step(format!(
        "built {} in {}",
        app.package,
        crate::cmd::format_duration(started.elapsed())
    ));
    Ok(built)
}

/// Identifies one cargo output: its size and modification time, with the tool pins.
fn stamp_of(raw: &Path) -> Result<String> {
    let meta = std::fs::metadata(raw)
        .with_context(|| format!("cargo did not produce {}", raw.display()))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok(format!(
        "{} {} {modified} {} {}",
        raw.display(),
        meta.len(),
        WASM_OPT_LEVEL.join(" "),
        WASM_OPT_FEATURES.join(" ")
    ))
}

/// `path` relative to the workspace root when it is inside it.
pub fn shown(ws: &Workspace, path: &Path) -> String {
    path.strip_prefix(&ws.root)
        .unwrap_or(path)
        .display()
        .to_string()
}
