//! `cargo xtask setup`: makes sure the tools the build and the tests need are installed, and
//! installs what is missing (into git-ignored folders of the workspace where possible).

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cmd::{on_path, step};
use crate::workspace::{Workspace, CHROMEDRIVER};

/// The wasm target the component is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Debian packages for browser and end-to-end tests: Chromium and its driver, CJK fonts (so
/// Chinese does not render as boxes), and OpenSSL headers for the e2e crate's WebDriver client.
pub const SYSTEM_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "libssl-dev",
    "pkg-config",
];

/// Which groups of tools a command needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Needs {
    /// The wasm target, wasm-bindgen-cli and the npm tools (wasm-opt, axe-core).
    pub wasm: bool,
    /// `rustfmt` and `clippy`.
    pub lint: bool,
    /// Chromium, chromedriver, CJK fonts, OpenSSL headers (Debian packages).
    pub system: bool,
}

impl Needs {
    /// Everything (`cargo xtask setup`).
    pub const ALL: Self = Self {
        wasm: true,
        lint: true,
        system: true,
    };
    /// What `build`, `demo` and `bench` need.
    pub const BUILD: Self = Self {
        wasm: true,
        lint: false,
        system: false,
    };

    /// Both sets of needs.
    pub fn union(self, other: Self) -> Self {
        Self {
            wasm: self.wasm || other.wasm,
            lint: self.lint || other.lint,
            system: self.system || other.system,
        }
    }
}

/// Installs whatever `needs` asks for that is missing.
pub fn setup(ws: &Workspace, needs: Needs) -> Result<()> {
    if needs.system {
        ensure_system_packages(ws)?;
    }
    if needs.lint {
        ensure_rust_components(ws)?;
    }
    if needs.wasm {
        ensure_wasm_target(ws)?;
        ensure_wasm_bindgen(ws)?;
        ensure_npm_tools(ws)?;
    }
    Ok(())
}

fn ensure_wasm_target(ws: &Workspace) -> Result<()> {
    step(format!("checking the {WASM_TARGET} target…"));
    let installed = ws
        .cmd("rustup")
        .args(["target", "list", "--installed"])
        .read()
        .context("rustup is needed to add the wasm target")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    step(format!("installing the {WASM_TARGET} target…"));
    ws.cmd("rustup").args(["target", "add", WASM_TARGET]).run()
}

fn ensure_rust_components(ws: &Workspace) -> Result<()> {
    step("checking rustfmt and clippy…");
    let installed = ws
        .cmd("rustup")
        .args(["component", "list", "--installed"])
        .read()
        .context("rustup is needed to add rustfmt and clippy")?;
    let missing: Vec<&str> = ["rustfmt", "clippy"]
        .into_iter()
        .filter(|c| !installed.lines().any(|l| component_name(l) == *c))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(format!("installing {}…", missing.join(" and ")));
    ws.cmd("rustup")
        .args(["component", "add"])
        .args(&missing)
        .run()
}

/// `rustfmt-x86_64-unknown-linux-gnu` → `rustfmt` (rustup lists components with their host).
fn component_name(line: &str) -> &str {
    let line = line.trim();
    match line.find("-x86_64-").or_else(|| line.find("-aarch64-")) {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Installs wasm-bindgen-cli into `.tools/` unless the version there equals the `wasm-bindgen`
/// version in `Cargo.lock` (the CLI and the library must match exactly).
pub fn ensure_wasm_bindgen(ws: &Workspace) -> Result<()> {
    step("checking wasm-bindgen-cli against Cargo.lock…");
    let lock_path = ws.path("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("cannot read {}", lock_path.display()))?;
    let wanted = lock_version(&lock, "wasm-bindgen")?;
    let installed = if ws.wasm_bindgen_test_runner().is_file() {
        ws.cmd(ws.wasm_bindgen())
            .arg("--version")
            .probe()
            .and_then(|out| tool_version(&out).map(str::to_owned))
    } else {
        None
    };
    match installed {
        Some(v) if v == wanted => {
            step(format!("wasm-bindgen-cli {v} is installed in .tools/"));
            return Ok(());
        }
        Some(v) => step(format!(
            "wasm-bindgen-cli {v} in .tools/ does not match wasm-bindgen {wanted} in Cargo.lock; installing {wanted} (takes ~2 min)…"
        )),
        None => step(format!(
            "installing wasm-bindgen-cli {wanted} into .tools/ (takes ~2 min)…"
        )),
    }
    // No `--locked`: the CLI's own lock pins a webpki-roots release the registry lacks.
    ws.cargo()
        .args(["install", "wasm-bindgen-cli", "--force", "--version"])
        .arg(format!("={wanted}"))
        .arg("--root")
        .arg(ws.tools_root())
        .run()
}

/// The version of package `name` in a `Cargo.lock`; an error if it is absent or locked at more
/// than one version.
pub fn lock_version(lock: &str, name: &str) -> Result<String> {
    #[derive(serde::Deserialize)]
    struct Lock {
        #[serde(default)]
        package: Vec<Package>,
    }
    #[derive(serde::Deserialize)]
    struct Package {
        name: String,
        version: String,
    }
    let lock: Lock = toml::from_str(lock).context("Cargo.lock is not valid TOML")?;
    let mut versions: Vec<String> = lock
        .package
        .into_iter()
        .filter(|p| p.name == name)
        .map(|p| p.version)
        .collect();
    versions.dedup();
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("Cargo.lock has no `{name}` package"),
        many => bail!(
            "Cargo.lock has several `{name}` versions ({}); the CLI can match only one",
            many.join(", ")
        ),
    }
}

/// The version from a `--version` line such as `wasm-bindgen 0.2.130`.
pub fn tool_version(output: &str) -> Option<&str> {
    output.split_whitespace().nth(1)
}

/// Runs `npm ci` (or `npm install` without a lock) when `node_modules` is missing a tool or is
/// older than `package-lock.json`, then checks that wasm-opt is the pinned binaryen.
fn ensure_npm_tools(ws: &Workspace) -> Result<()> {
    step("checking npm tools (binaryen's wasm-opt, axe-core)…");
    let lock = ws.path("package-lock.json");
    let installed_marker = ws.path("node_modules/.package-lock.json");
    let complete = ws.wasm_opt().is_file() && ws.path("node_modules/axe-core/axe.min.js").is_file();
    let stale = !complete
        || newer(&lock, &installed_marker)
        || newer(&ws.path("package.json"), &installed_marker);
    if stale {
        if !on_path("npm") {
            bail!("npm is not installed: install Node.js 18+ with npm, then rerun");
        }
        if lock.is_file() {
            step("installing npm tools from package-lock.json…");
            ws.cmd("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .run()?;
        } else {
            step("installing npm tools (no package-lock.json yet)…");
            ws.cmd("npm")
                .args(["install", "--no-audit", "--no-fund"])
                .run()?;
        }
    }
    let pinned = pinned_binaryen_major(ws)?;
    let version = ws
        .cmd(ws.wasm_opt())
        .arg("--version")
        .read()
        .context("node_modules/.bin/wasm-opt does not run (is Node.js installed?)")?;
    if !version.contains(&format!("version {pinned}")) {
        bail!(
            "node_modules/.bin/wasm-opt reports `{}`, but package.json pins binaryen {pinned}: run `npm ci`",
            version.trim()
        );
    }
    Ok(())
}

/// The major version of `binaryen` pinned in package.json (`"132.0.0"` → `"132"`).
fn pinned_binaryen_major(ws: &Workspace) -> Result<String> {
    let path = ws.path("package.json");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).context("package.json is not JSON")?;
    let pin = json["devDependencies"]["binaryen"]
        .as_str()
        .context("package.json has no devDependencies.binaryen")?;
    Ok(pin.split('.').next().unwrap_or(pin).to_owned())
}

/// Whether `a` was modified after `b` (or `b` does not exist).
fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Makes sure Chromium, chromedriver, CJK fonts and OpenSSL headers are installed: with
/// apt-get as root on Debian, else fails naming the packages to install.
fn ensure_system_packages(ws: &Workspace) -> Result<()> {
    step("checking Chromium, chromedriver, CJK fonts, OpenSSL headers…");
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/chromium").is_file() {
        missing.push("/usr/bin/chromium");
    }
    if !Path::new(CHROMEDRIVER).is_file() {
        missing.push(CHROMEDRIVER);
    }
    let fonts = ws.cmd("fc-list").arg(":lang=zh").probe();
    if fonts.is_none_or(|out| out.trim().is_empty()) {
        missing.push("CJK fonts (`fc-list :lang=zh` is empty)");
    }
    if ws
        .cmd("pkg-config")
        .args(["--exists", "openssl"])
        .probe()
        .is_none()
    {
        missing.push("OpenSSL headers (`pkg-config --exists openssl` fails)");
    }
    if missing.is_empty() {
        return Ok(());
    }
    step(format!("missing: {}", missing.join("; ")));
    apt_install(ws, "browser tests", SYSTEM_PACKAGES)
}

/// Whether xtask runs as root.
pub fn is_root(ws: &Workspace) -> bool {
    ws.cmd("id")
        .arg("-u")
        .probe()
        .is_some_and(|out| out.trim() == "0")
}

/// Installs `packages` with apt-get (after `apt-get update`) as root on Debian; elsewhere fails
/// saying what `purpose` needs installed.
pub fn apt_install(ws: &Workspace, purpose: &str, packages: &[&str]) -> Result<()> {
    if !is_root(ws) || !on_path("apt-get") {
        bail!(
            "{purpose} need these system packages; install them (as root, on Debian/Ubuntu):\n    apt-get install -y {}",
            packages.join(" ")
        );
    }
    step(format!("installing {} with apt-get…", packages.join(", ")));
    ws.cmd("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .arg("update")
        .run()?;
    ws.cmd("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y"])
        .args(packages)
        .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["cfg-if"]

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.53"
"#;

    #[test]
    fn finds_the_locked_version() {
        assert_eq!(lock_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(
            lock_version(LOCK, "wasm-bindgen-futures").unwrap(),
            "0.4.53"
        );
    }

    #[test]
    fn missing_or_ambiguous_versions_are_errors() {
        assert!(lock_version(LOCK, "leptos").is_err());
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        let err = lock_version(&two, "wasm-bindgen").unwrap_err().to_string();
        assert!(err.contains("0.2.130, 0.2.99"), "{err}");
    }

    #[test]
    fn reads_tool_versions() {
        assert_eq!(tool_version("wasm-bindgen 0.2.130\n"), Some("0.2.130"));
        assert_eq!(tool_version(""), None);
    }

    #[test]
    fn strips_the_host_from_component_names() {
        assert_eq!(
            component_name("rustfmt-x86_64-unknown-linux-gnu"),
            "rustfmt"
        );
        assert_eq!(component_name("clippy-aarch64-unknown-linux-gnu"), "clippy");
        assert_eq!(component_name("rust-src"), "rust-src");
    }

    #[test]
    fn newer_treats_a_missing_marker_as_stale() {
        let dir = std::env::temp_dir();
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert!(newer(&here, &dir.join("riskguard-xtask-no-such-file")));
        assert!(!newer(&dir.join("riskguard-xtask-no-such-file"), &here));
    }
}
