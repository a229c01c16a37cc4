//! `cargo xtask bench engine-size`: what the risk engine adds to a wasm build, measured on
//! `xtask/engine-size` built without and with it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use super::{measure, AppSize};
use crate::cmd::step;
use crate::size::{kib, write_json, Sizes};
use crate::tools::{self, Needs, WASM_TARGET};
use crate::wasm::{self, Built};
use crate::workspace::Workspace;

/// `target/dist/engine-size.json`.
#[derive(Debug, Serialize)]
pub struct EngineSize {
    /// `xtask/engine-size` without the engine: reads a transfer, writes a fixed assessment.
    pub without_engine: AppSize,
    /// The same with `assess` and the built-in rules.
    pub with_engine: AppSize,
    /// What the engine adds (wasm, gzip bytes).
    pub engine_wasm_gzip: i64,
    /// What the engine adds (wasm, brotli bytes).
    pub engine_wasm_brotli: i64,
    /// The built-in rules as compiled into the wasm, packed by `core/build.rs` (already
    /// counted above).
    pub packed_rules: Sizes,
    /// `rules/default.json` as analysts edit it, for comparison.
    pub rules_file: Sizes,
    /// The Leptos hello world (`xtask/hello-world`), for scale.
    pub hello_world: Option<AppSize>,
}

/// The engine-size baseline, one variant.
fn engine_size_app(ws: &Workspace, engine: bool) -> Result<Built> {
    let package = "riskguard-engine-size";
    let name = if engine {
        "with-engine"
    } else {
        "without-engine"
    };
    let out_dir = ws.dist().join("engine-size").join(name);
    step(format!("bench engine-size: building {package} {name}…"));
    let mut cargo = ws
        .cargo()
        .args(["build", "-p", package, "--lib", "--target", WASM_TARGET])
        .args(["--profile", wasm::PROFILE]);
    if engine {
        cargo = cargo.args(["--features", "engine"]);
    }
    cargo.run()?;
    let raw = ws
        .target_dir()
        .join(WASM_TARGET)
        .join(wasm::PROFILE)
        .join("riskguard_engine_size.wasm");
    if out_dir.exists() {
        std::fs::remove_dir_all(&out_dir)
            .with_context(|| format!("cannot clear {}", out_dir.display()))?;
    }
    ws.cmd(ws.wasm_bindgen())
        .args(["--target", "web", "--no-typescript"])
        .args(["--remove-name-section", "--remove-producers-section"])
        .arg("--out-dir")
        .arg(&out_dir)
        .args(["--out-name", "engine_size"])
        .arg(&raw)
        .run()?;
    let built = Built {
        wasm: out_dir.join("engine_size_bg.wasm"),
        js: out_dir.join("engine_size.js"),
    };
    ws.cmd(ws.wasm_opt())
        .args(wasm::WASM_OPT_LEVEL)
        .args(wasm::WASM_OPT_FEATURES)
        .arg("-o")
        .arg(&built.wasm)
        .arg(&built.wasm)
        .run()?;
    Ok(built)
}

/// Builds `xtask/engine-size` without and with the engine (same profile, wasm-bindgen and
/// wasm-opt as the component) and reports the difference.
pub(super) fn engine_size(ws: &Workspace) -> Result<()> {
    tools::setup(ws, Needs::BUILD)?;
    let without = measure(&engine_size_app(ws, false)?)?;
    let with = measure(&engine_size_app(ws, true)?)?;
    let hello_dir: PathBuf = ws.dist().join("hello-world");
    let hello = existing_hello_world(&hello_dir);
    let report = EngineSize {
        engine_wasm_gzip: with.wasm.gzip as i64 - without.wasm.gzip as i64,
        engine_wasm_brotli: with.wasm.brotli as i64 - without.wasm.brotli as i64,
        packed_rules: Sizes::of_file(&packed_rules(ws)?)?,
        rules_file: Sizes::of_file(&ws.path("rules/default.json"))?,
        without_engine: without,
        with_engine: with,
        hello_world: hello,
    };
    println!("{}", render_engine_size(&report));
    let path = ws.dist().join("engine-size.json");
    write_json(&path, &report)?;
    step(format!("wrote {}", wasm::shown(ws, &path)));
    Ok(())
}

/// `rules.packed` of the wasm-release build just made (the newest of the core's build
/// script outputs).
fn packed_rules(ws: &Workspace) -> Result<PathBuf> {
    let build = ws
        .target_dir()
        .join(WASM_TARGET)
        .join(wasm::PROFILE)
        .join("build");
    let entries =
        std::fs::read_dir(&build).with_context(|| format!("cannot list {}", build.display()))?;
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("riskguard-core-")
        })
        .map(|entry| entry.path().join("out").join("rules.packed"))
        .filter_map(|path| Some((path.metadata().ok()?.modified().ok()?, path)))
        .max()
        .map(|(_, path)| path)
        .with_context(|| format!("no rules.packed under {}", build.display()))
}

/// The hello world's sizes if `cargo xtask bench size` built it already.
fn existing_hello_world(dir: &Path) -> Option<AppSize> {
    let built = Built {
        wasm: dir.join("hello_world_bg.wasm"),
        js: dir.join("hello_world.js"),
    };
    measure(&built).ok()
}

fn render_engine_size(r: &EngineSize) -> String {
    let row = |name: &str, s: &AppSize| {
        format!(
            "{name:<26}{:>12}{:>12}{:>12}\n",
            crate::size::thousands(s.wasm.raw),
            crate::size::thousands(s.wasm.gzip),
            crate::size::thousands(s.wasm.brotli)
        )
    };
    let mut out = format!(
        "ENGINE WASM COST (wasm bytes, after wasm-opt {})\n",
        wasm::WASM_OPT_LEVEL.join(" ")
    );
    out.push_str(&format!(
        "{:<26}{:>12}{:>12}{:>12}\n",
        "", "raw", "gzip", "brotli"
    ));
    out.push_str(&row("transfer in/out only", &r.without_engine));
    out.push_str(&row("+ assess + built-in rules", &r.with_engine));
    out.push_str(&format!(
        "the engine adds {} gzip ({} brotli); of it, the packed built-in rules are {} gzip \
         (rules/default.json: {})\n",
        kib(r.engine_wasm_gzip.max(0) as u64),
        kib(r.engine_wasm_brotli.max(0) as u64),
        kib(r.packed_rules.gzip),
        kib(r.rules_file.gzip)
    ));
    if let Some(hello) = &r.hello_world {
        out.push_str(&format!(
            "for scale: the Leptos hello world is {} gzip (wasm + js)\n",
            kib(hello.total.gzip)
        ));
    }
    out
}
