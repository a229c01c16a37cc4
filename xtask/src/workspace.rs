//! Where things are: every path xtask uses is derived from the workspace root (the parent of
//! the xtask crate), so the commands work from any directory.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cmd::Cmd;

/// The chromedriver Debian's `chromium-driver` package installs (used by browser and e2e tests).
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The riskguard workspace on disk.
pub struct Workspace {
    /// Absolute path of the workspace root (where the root `Cargo.toml` is).
    pub root: PathBuf,
}

impl Workspace {
    /// Finds the workspace root from xtask's own manifest directory.
    pub fn locate() -> Result<Self> {
        let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = manifest_dir
            .parent()
            .context("xtask's manifest directory has no parent")?
            .to_owned();
        let root = root
            .canonicalize()
            .with_context(|| format!("workspace root {} is not accessible", root.display()))?;
        Ok(Self { root })
    }

    /// `rel` resolved against the workspace root.
    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }

    /// Cargo's target directory (`CARGO_TARGET_DIR` if set, else `target/`).
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => self.path(dir),
            _ => self.path("target"),
        }
    }

    /// `target/dist`: everything the browser loads, plus the size reports.
    pub fn dist(&self) -> PathBuf {
        self.target_dir().join("dist")
    }

    /// `target/dist/pkg`: the component's wasm-bindgen output (served by the collector).
    pub fn pkg_dir(&self) -> PathBuf {
        self.dist().join("pkg")
    }

    /// `.tools/`: the git-ignored `cargo install --root` for wasm-bindgen-cli.
    pub fn tools_root(&self) -> PathBuf {
        self.path(".tools")
    }

    /// `.tools/bin/wasm-bindgen`.
    pub fn wasm_bindgen(&self) -> PathBuf {
        self.tools_root().join("bin/wasm-bindgen")
    }

    /// `.tools/bin/wasm-bindgen-test-runner` (the cargo runner for wasm browser tests).
    pub fn wasm_bindgen_test_runner(&self) -> PathBuf {
        self.tools_root().join("bin/wasm-bindgen-test-runner")
    }

    /// `node_modules/.bin/wasm-opt` from the pinned npm `binaryen` (never Debian's).
    pub fn wasm_opt(&self) -> PathBuf {
        self.path("node_modules/.bin/wasm-opt")
    }

    /// A command run at the workspace root.
    pub fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Cmd {
        Cmd::new(program).root(&self.root)
    }

    /// `cargo` run at the workspace root (the rustup proxy keeps xtask's toolchain, since
    /// rustup exports `RUSTUP_TOOLCHAIN` to us).
    pub fn cargo(&self) -> Cmd {
        self.cmd("cargo")
    }
}
