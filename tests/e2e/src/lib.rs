//! The end-to-end harness: the collector serving the demo on a free loopback port with its own
//! SQLite file, chromedriver, and a headless Chromium session driven through WebDriver.
//!
//! Needs the built component (`cargo xtask build`) and chromedriver; `cargo xtask test` provides
//! both. Paths come from `RISKGUARD_ROOT`, `RISKGUARD_DIST` and `CHROMEDRIVER`, with defaults
//! that fit a checkout.

use std::future::Future;
use std::net::TcpListener as StdListener;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use riskguard_collector::{router, serve_until, Config, Fault};
use std::net::SocketAddr;
use tokio::process::{Child, Command};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Anything that went wrong in a test, as text.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// A running collector + browser. Call [`Harness::close`] at the end, even after a failure.
pub struct Harness {
    /// WebDriver client of the browser session.
    pub client: Client,
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
    /// The SQLite file the collector writes to.
    pub db_path: PathBuf,
    chromedriver: Child,
    config: Config,
    addr: SocketAddr,
    /// The running collector: how to stop it, and its task.
    server: Option<(oneshot::Sender<()>, JoinHandle<std::io::Result<()>>)>,
}

/// Serves the collector of `config` on `listener` until told to stop.
fn spawn_collector(
    config: &Config,
    listener: tokio::net::TcpListener,
) -> Result<(oneshot::Sender<()>, JoinHandle<std::io::Result<()>>), Error> {
    let app = router(config)?;
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve_until(listener, app, async move {
        let _ = stopped.await;
    }));
    Ok((stop, task))
}

/// The workspace root.
pub fn root() -> PathBuf {
    std::env::var_os("RISKGUARD_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

fn dist() -> PathBuf {
    std::env::var_os("RISKGUARD_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/dist"))
}

fn free_port() -> Result<u16, Error> {
    Ok(StdListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Harness {
    /// Starts the collector (with a fresh database named after `test`), chromedriver and a
    /// browser session with the given `--lang`, in the light colour scheme.
    pub async fn start(test: &str, lang: &str) -> Result<Self, Error> {
        Self::start_with(test, lang, Scheme::Light).await
    }

    /// As [`Harness::start`], with the browser in the given colour scheme.
    pub async fn start_with(test: &str, lang: &str, scheme: Scheme) -> Result<Self, Error> {
        Self::start_full(test, lang, scheme, root().join("locales")).await
    }

    /// As [`Harness::start`], with the collector failing requests on purpose (its fault mode,
    /// as `--fail-rate`, `--latency-ms` and `--fault-seed` set it).
    pub async fn start_faulty(test: &str, lang: &str, fault: Fault) -> Result<Self, Error> {
        Self::start_configured(
            test,
            lang,
            Scheme::Light,
            root().join("locales"),
            Some(fault),
        )
        .await
    }

    /// As [`Harness::start_with`], with the collector serving `locales_dir` for the live text
    /// preview (as `cargo xtask demo` does with `locales/`).
    pub async fn start_full(
        test: &str,
        lang: &str,
        scheme: Scheme,
        locales_dir: PathBuf,
    ) -> Result<Self, Error> {
        Self::start_configured(test, lang, scheme, locales_dir, None).await
    }

    async fn start_configured(
        test: &str,
        lang: &str,
        scheme: Scheme,
        locales_dir: PathBuf,
        fault: Option<Fault>,
    ) -> Result<Self, Error> {
        let pkg_dir = dist().join("pkg");
        if !pkg_dir.join("riskguard_bg.wasm").is_file() {
            return Err(format!(
                "{} has no built component: run `cargo xtask build` (or `cargo xtask test`)",
                pkg_dir.display()
            )
            .into());
        }
        let db_path = root().join("target/e2e").join(format!("{test}.sqlite3"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
        }
        let config = Config {
            db_path: db_path.clone(),
            public_dir: root().join("public"),
            pkg_dir,
            style_dir: root().join("style"),
            locales_dir: Some(locales_dir),
            fault,
            ..Config::default()
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let server = spawn_collector(&config, listener)?;

        let driver_port = free_port()?;
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
        let mut chromedriver = Command::new(&driver_path)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start chromedriver at {driver_path}: {e}"))?;
        let client = match connect(driver_port, lang, scheme).await {
            Ok(client) => client,
            Err(e) => {
                let _ = chromedriver.kill().await;
                return Err(e);
            }
        };
        Ok(Self {
            client,
            base_url,
            db_path,
            chromedriver,
            config,
            addr,
            server: Some(server),
        })
    }

    /// Takes the collector offline: it stops accepting connections, finishes the requests in
    /// flight and closes its connections; the page's requests then fail as on a network outage.
    pub async fn stop_collector(&mut self) -> Result<(), Error> {
        let Some((stop, task)) = self.server.take() else {
            return Err("the collector is not running".into());
        };
        let _ = stop.send(());
        tokio::time::timeout(Duration::from_secs(15), task)
            .await
            .map_err(|_| "the collector did not stop within 15 s")???;
        Ok(())
    }

    /// Brings the collector back on the same address, with the same database and settings.
    pub async fn start_collector(&mut self) -> Result<(), Error> {
        if self.server.is_some() {
            return Err("the collector is already running".into());
        }
        let listener = tokio::net::TcpListener::bind(self.addr).await?;
        self.server = Some(spawn_collector(&self.config, listener)?);
        Ok(())
    }

    /// Opens the demo page and waits until the component is ready.
    pub async fn open_demo(&self) -> Result<(), Error> {
        self.client.goto(&format!("{}/", self.base_url)).await?;
        self.wait_for("body[data-ready=true]").await?;
        Ok(())
    }

    /// Waits up to 10 s for an element.
    pub async fn wait_for(&self, css: &str) -> Result<fantoccini::elements::Element, Error> {
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}"))?)
    }

    /// Replaces the text of an input.
    pub async fn fill(&self, css: &str, text: &str) -> Result<(), Error> {
        let input = self.wait_for(css).await?;
        input.clear().await?;
        input.send_keys(text).await?;
        Ok(())
    }

    /// Clicks an element once it is there.
    pub async fn click(&self, css: &str) -> Result<(), Error> {
        self.wait_for(css).await?.click().await?;
        Ok(())
    }

    /// The `textContent` of the first element matching `css`, once it is there. (WebDriver's
    /// own element text is the *visible* text, empty while the dialog fades in.)
    pub async fn text(&self, css: &str) -> Result<String, Error> {
        self.wait_for(css).await?;
        let script = "return document.querySelector(arguments[0]).textContent;";
        match self.client.execute(script, vec![css.into()]).await? {
            serde_json::Value::String(text) => Ok(text),
            other => Err(format!("{css} has no text: {other}").into()),
        }
    }

    /// Answers the open quiz to its summary, choosing the option matched by `option` (a CSS
    /// selector inside the question's fieldset, e.g. `label:first-of-type input`) every time
    /// and waiting for each feedback.
    pub async fn finish_quiz(&self, option: &str) -> Result<(), Error> {
        for _ in 0..10 {
            if self
                .client
                .find(Locator::Css("[data-rg=quiz-summary]"))
                .await
                .is_ok()
            {
                return Ok(());
            }
            self.click(&format!("[data-rg=quiz] fieldset {option}"))
                .await?;
            self.click("[data-rg=quiz-check]").await?;
            self.wait_for("[data-rg=feedback] .rg-quiz__verdict")
                .await?;
            self.click("[data-rg=quiz-next]").await?;
        }
        self.wait_for("[data-rg=quiz-summary]").await?;
        Ok(())
    }

    /// Sends keys to whatever has focus (as a keyboard user would).
    pub async fn keys(&self, keys: &str) -> Result<(), Error> {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Result<serde_json::Value, Error> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// CSP violations the page has recorded (see `public/csp-monitor.js`).
    pub async fn csp_violations(&self) -> Result<Vec<serde_json::Value>, Error> {
        match self.js("return window.rgCspViolations;").await? {
            serde_json::Value::Array(list) => Ok(list),
            other => Err(format!("the CSP monitor did not load: {other}").into()),
        }
    }

    /// Waits up to 10 s for the transfer status to report a decision, and returns it.
    pub async fn decision(&self) -> Result<String, Error> {
        let status = self.wait_for("#transfer-status[data-decision]").await?;
        Ok(status.attr("data-decision").await?.unwrap_or_default())
    }

    /// Rows of `type` in the collector's database.
    pub fn count_events(&self, event_type: &str) -> Result<i64, Error> {
        let db = rusqlite::Connection::open(&self.db_path)?;
        Ok(db.query_row(
            "SELECT COUNT(*) FROM events WHERE type = ?1",
            [event_type],
            |row| row.get(0),
        )?)
    }

    /// Waits up to `seconds` for exactly `n` rows of `event_type`.
    pub async fn await_events(&self, event_type: &str, n: i64, seconds: u64) -> Result<(), Error> {
        let mut last = 0;
        for _ in 0..seconds * 10 {
            last = self.count_events(event_type)?;
            if last == n {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("expected {n} `{event_type}` rows, found {last}").into())
    }

    /// Waits up to `seconds` until the page's outbox holds nothing (every event acknowledged
    /// or settled); on timeout the error carries `deliveryStats()`.
    pub async fn await_drained(&self, seconds: u64) -> Result<(), Error> {
        for _ in 0..seconds * 10 {
            if self.js("return window.riskguard.pendingEvents;").await? == 0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let stats = self.js("return window.riskguard.deliveryStats();").await?;
        Err(format!("the outbox did not drain within {seconds} s: {stats}").into())
    }

    /// Every stored event as text (envelope and data), for privacy checks.
    pub fn all_stored_text(&self) -> Result<String, Error> {
        let db = rusqlite::Connection::open(&self.db_path)?;
        let mut statement =
            db.prepare("SELECT source || id || type || time || data FROM events")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        let mut text = String::new();
        for row in rows {
            text.push_str(&row?);
            text.push('\n');
        }
        Ok(text)
    }

    /// The database as SQLite keeps it on disk — the main file after a checkpoint, plus any
    /// write-ahead log — for privacy checks that must not depend on which table or column a
    /// value could have reached.
    pub fn database_bytes(&self) -> Result<Vec<u8>, Error> {
        let db = rusqlite::Connection::open(&self.db_path)?;
        db.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        drop(db);
        let mut bytes = std::fs::read(&self.db_path)?;
        for suffix in ["-wal", "-journal"] {
            if let Ok(more) = std::fs::read(format!("{}{suffix}", self.db_path.display())) {
                bytes.extend(more);
            }
        }
        Ok(bytes)
    }

    /// Stores realistic synthetic events (`riskguard_collector::synthetic`: about `warnings`
    /// warnings over the four weeks before now, and the quizzes they lead to) in the
    /// collector's database, for the dashboard. Returns how many events were stored.
    pub fn seed_synthetic_events(&self, seed: u64, warnings: usize) -> Result<usize, Error> {
        let events = riskguard_collector::synthetic::events_until_now(seed, warnings);
        let store = riskguard_collector::Store::open(&self.db_path)?;
        Ok(store.insert_all(&events)?.stored)
    }

    /// Runs axe-core (from `node_modules/axe-core`) on the page for WCAG 2.x A and AA rules and
    /// returns its violations as `rule: target…` lines.
    pub async fn axe_violations(&self) -> Result<Vec<String>, Error> {
        let axe_path = root().join("node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&axe_path)
            .map_err(|e| format!("{}: {e} (run `cargo xtask setup`)", axe_path.display()))?;
        self.client.execute(&axe, vec![]).await?;
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'],
            }).then(
                (r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ') + ' (' + (n.failureSummary || '') + ')').join('; '))),
                (e) => done(['axe failed: ' + e]),
            );
        "#;
        match self.client.execute_async(script, vec![]).await? {
            serde_json::Value::Array(list) => Ok(list
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()),
            other => Err(format!("axe returned {other}").into()),
        }
    }

    /// Ends the browser session and chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.chromedriver.kill().await;
    }
}

/// The colour scheme the browser reports to `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Light.
    Light,
    /// Dark (`--force-dark-mode`).
    Dark,
}

async fn connect(port: u16, lang: &str, scheme: Scheme) -> Result<Client, Error> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--window-size=420,900".to_owned(),
        format!("--lang={lang}"),
    ];
    if scheme == Scheme::Dark {
        args.push("--force-dark-mode".to_owned());
    }
    let capabilities = serde_json::json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": args,
            "prefs": { "intl.accept_languages": lang },
        }
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        return Err("capabilities must be an object".into());
    };
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = String::new();
    // chromedriver needs a moment to listen.
    for _ in 0..50 {
        match ClientBuilder::native()
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Ok(client),
            Err(e) => last_error = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("cannot open a WebDriver session on {url}: {last_error}").into())
}

/// The future a test body returns.
pub type TestFuture<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + 'a>>;

/// Runs `body` with a started harness and always closes the browser session and chromedriver,
/// even when the body fails an assertion; then returns (or re-raises) the body's outcome.
pub async fn with_harness<F>(test: &str, lang: &str, body: F) -> Result<(), Error>
where
    F: for<'a> FnOnce(&'a Harness) -> TestFuture<'a>,
{
    let harness = Harness::start(test, lang).await?;
    let outcome = AssertUnwindSafe(body(&harness)).catch_unwind().await;
    harness.close().await;
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}
