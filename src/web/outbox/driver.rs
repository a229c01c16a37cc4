//! The outbox in the browser: carries out what the core's [`Machine`] decides — localStorage,
//! `fetch`, timers, `pagehide` — and decides nothing itself.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use riskguard_core::events::outbox::{
    verdict, Batch, BatchId, Effect, Machine, Outcome, Reason, Record, Refusal, Stats, Verdict,
};
use riskguard_core::events::Event;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::alarm::Alarm;
use super::config::{Headers, OutboxConfig};
use super::storage;
use super::transport::Transport;
use crate::web::host_hooks::HostHooks;
use crate::web::js_value::to_js;

/// Longest sleep of the drain loop: it then looks at the clock again (which may have been set).
const MAX_SLEEP_MS: u64 = 300_000;
/// Shortest sleep when nothing was sent: a safety net against a busy loop.
const MIN_IDLE_SLEEP_MS: u64 = 50;

/// Console warnings given at most once per outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Once {
    StorageRefused = 1,
    Dropping = 2,
    Misconfigured = 4,
    Unreadable = 8,
}

/// A persisted, bounded queue of events for one collector endpoint.
///
/// Every event is in localStorage (`riskguard.outbox.v2.<id>`) before its first send, and stays
/// there until the collector acknowledges it, refuses it (reported through `onDeliveryError`),
/// or the bounds drop it (counted): across reloads and tabs.
pub struct Outbox {
    machine: RefCell<Machine>,
    /// What storage holds, as far as this tab has read and written it.
    stored: RefCell<storage::Reader>,
    transport: Transport,
    on_delivery_error: Option<js_sys::Function>,
    alarm: Alarm,
    running: Cell<bool>,
    closed: Cell<bool>,
    warned: Cell<u8>,
    pagehide: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outbox")
            .field("endpoint", &self.transport.endpoint())
            .field("pending", &self.len())
            .field("closed", &self.closed.get())
            .finish_non_exhaustive()
    }
}

impl Outbox {
    /// An outbox for `config`: takes in what storage holds (and the old `riskguard.outbox.v1`
    /// queue) and listens for `pagehide`. Sending starts with [`flush`](Self::flush).
    pub fn new(config: OutboxConfig) -> Rc<Self> {
        let outbox = Rc::new(Self {
            machine: RefCell::new(Machine::new(config.limits)),
            stored: RefCell::new(storage::Reader::default()),
            transport: Transport::new(config.endpoint, config.headers),
            on_delivery_error: config.on_delivery_error,
            alarm: Alarm::default(),
            running: Cell::new(false),
            closed: Cell::new(false),
            warned: Cell::new(0),
            pagehide: RefCell::new(None),
        });
        outbox.load_storage();
        outbox.migrate_legacy();
        outbox.listen_for_pagehide();
        outbox
    }

    /// Stores `event`, then wakes the drain loop. After [`close`](Self::close) the event is
    /// only stored: the next outbox (this page or a later one) sends it.
    pub fn push(self: &Rc<Self>, event: &Event) {
        let _ = self.machine.borrow_mut().enqueue(Record::from_event(event));
        self.apply();
        self.flush();
    }

    /// Starts the drain loop, or wakes it. Does nothing once closed.
    pub fn flush(self: &Rc<Self>) {
        if self.closed.get() {
            return;
        }
        if self.running.replace(true) {
            self.alarm.wake();
            return;
        }
        wasm_bindgen_futures::spawn_local(drain(Rc::downgrade(self)));
    }

    /// Stops the drain loop and the `pagehide` listener, after one last `keepalive` request
    /// with what fits (as on `pagehide`). Answers to requests already made are still taken in.
    pub fn close(self: &Rc<Self>) {
        if self.closed.replace(true) {
            return;
        }
        self.stop_listening();
        self.last_call();
        self.alarm.wake();
    }

    fn stop_listening(&self) {
        let listener = self.pagehide.borrow_mut().take();
        if let (Some(listener), Some(window)) = (listener, web_sys::window()) {
            let _ = window
                .remove_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
        }
    }

    /// Replaces the host's request headers (already checked) for the requests from now on,
    /// for example when the host has refreshed a bearer token.
    pub fn set_headers(&self, headers: Headers) {
        self.transport.set_headers(headers);
    }

    /// How many events wait for the collector (queued or in a request).
    pub fn len(&self) -> usize {
        self.machine.borrow().pending()
    }

    /// Whether no event waits for the collector.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Delivery counters (see [`Stats`]).
    pub fn stats(&self) -> Stats {
        self.machine.borrow().stats()
    }

    /// One turn of the drain loop: if a send is due, look at storage again (other tabs and
    /// earlier pages leave records and settle them) and send. Says whether a request went out.
    fn pump(self: &Rc<Self>) -> bool {
        let now = now_ms();
        let due = self
            .machine
            .borrow()
            .poll_timeout()
            .is_some_and(|at| at <= now);
        if !due {
            return false;
        }
        self.load_storage();
        let batch = self.machine.borrow_mut().poll_transmit(now);
        self.apply();
        match batch {
            Some(batch) => {
                self.send(batch);
                true
            }
            None => false,
        }
    }

    /// How long the loop may sleep: until the machine's next time, or until woken.
    fn sleep_ms(&self, sent: bool) -> Option<u32> {
        let at = self.machine.borrow().poll_timeout()?;
        let mut ms = at.saturating_sub(now_ms()).min(MAX_SLEEP_MS);
        if !sent {
            ms = ms.max(MIN_IDLE_SLEEP_MS);
        }
        u32::try_from(ms).ok()
    }

    /// `pagehide` (and `close`): one last request within the keepalive budget.
    fn last_call(self: &Rc<Self>) {
        self.load_storage();
        let batch = self.machine.borrow_mut().on_pagehide(now_ms());
        self.apply();
        if let Some(batch) = batch {
            self.send(batch);
        }
    }

    fn send(self: &Rc<Self>, batch: Batch) {
        match self.transport.start(&batch.body) {
            Ok(request) => {
                let weak = Rc::downgrade(self);
                let id = batch.id;
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = request.outcome().await;
                    if let Some(outbox) = weak.upgrade() {
                        outbox.answer(id, outcome);
                    }
                });
            }
            Err(outcome) => self.answer(batch.id, outcome),
        }
    }

    fn answer(&self, batch: BatchId, outcome: Outcome) {
        if let Outcome::Status { code, .. } = outcome {
            let odd_4xx = (400..500).contains(&code) && code != 408 && code != 429;
            if odd_4xx && verdict(outcome) == Verdict::Retry {
                self.warn_once(
                    Once::Misconfigured,
                    &format!(
                        "riskguard: the collector at {} answered HTTP {code}; events are kept \
                         and retried with backoff (check the `endpoint` option)",
                        self.transport.endpoint()
                    ),
                );
            }
        }
        self.machine
            .borrow_mut()
            .on_response(batch, outcome, now_ms(), js_sys::Math::random());
        self.apply();
        self.alarm.wake();
    }

    /// Takes in what storage holds (reading only the records this tab has not seen).
    fn load_storage(&self) {
        let snapshot = self.stored.borrow_mut().read();
        if snapshot.unreadable > 0 {
            self.warn_once(
                Once::Unreadable,
                &format!(
                    "riskguard: removed {} unreadable outbox record(s) from localStorage",
                    snapshot.unreadable
                ),
            );
        }
        self.machine
            .borrow_mut()
            .on_storage_loaded(snapshot.records, snapshot.complete);
        self.apply();
    }

    /// Moves the old single-key queue to one key per event; the old key goes once every event
    /// is safe under its own key.
    fn migrate_legacy(&self) {
        let Some(records) = storage::read_legacy() else {
            return;
        };
        let mut failed = 0;
        for record in records {
            let _ = self.machine.borrow_mut().enqueue(record);
            failed += self.apply();
        }
        if failed == 0 {
            storage::remove_legacy();
        }
    }

    fn listen_for_pagehide(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let weak: Weak<Self> = Rc::downgrade(self);
        let listener = Closure::<dyn FnMut()>::new(move || {
            if let Some(outbox) = weak.upgrade() {
                outbox.last_call();
            }
        });
        if window
            .add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref())
            .is_ok()
        {
            *self.pagehide.borrow_mut() = Some(listener);
        }
    }

    /// Carries out the machine's effects, in order; returns how many writes storage refused.
    /// No borrow of the machine is held while the host's callback runs.
    fn apply(&self) -> usize {
        let mut refused_writes = 0;
        loop {
            let effect = self.machine.borrow_mut().poll_effect();
            let Some(effect) = effect else {
                return refused_writes;
            };
            match effect {
                Effect::Persist(record) => {
                    let stored = match storage::write(&record) {
                        Ok(()) => {
                            self.stored.borrow_mut().remember(&record);
                            true
                        }
                        Err(why) => {
                            refused_writes += 1;
                            self.warn_once(
                                Once::StorageRefused,
                                &format!(
                                    "riskguard: localStorage refused an event ({why}); events \
                                     are kept in memory until this page closes"
                                ),
                            );
                            false
                        }
                    };
                    self.machine.borrow_mut().on_persisted(record.id(), stored);
                }
                Effect::Delete(deletion) => {
                    for id in &deletion.ids {
                        storage::remove(id);
                        self.stored.borrow_mut().forget(id);
                    }
                    if let Reason::Dropped(_) = deletion.reason {
                        let limits = self.machine.borrow().limits();
                        self.warn_once(
                            Once::Dropping,
                            &format!(
                                "riskguard: the outbox is over its bounds ({} events, {} bytes): \
                                 dropping the oldest telemetry first; see deliveryStats().dropped",
                                limits.max_events, limits.max_bytes
                            ),
                        );
                    }
                }
                Effect::Report(refusal) => self.report(&refusal),
            }
        }
    }

    /// Refused events: an error in the console and the host's `onDeliveryError`, both with the
    /// status, the count and the types only.
    fn report(&self, refusal: &Refusal) {
        web_sys::console::error_1(
            &format!(
                "riskguard: the collector refused {} event(s) ({}) with HTTP {}; they will not \
                 be sent again",
                refusal.events,
                refusal.types.join(", "),
                refusal.status
            )
            .into(),
        );
        if self.on_delivery_error.is_some() {
            if let Ok(argument) = to_js(refusal) {
                HostHooks::call(self.on_delivery_error.as_ref(), &argument);
            }
        }
    }

    fn warn_once(&self, which: Once, message: &str) {
        let bit = which as u8;
        if self.warned.get() & bit == 0 {
            self.warned.set(self.warned.get() | bit);
            web_sys::console::warn_1(&message.into());
        }
    }
}

impl Drop for Outbox {
    /// A listener left registered would call into freed memory on the next `pagehide`; a
    /// sleeping drain loop is woken so that it sees the outbox gone and ends.
    fn drop(&mut self) {
        self.stop_listening();
        self.alarm.wake();
    }
}

/// The drain loop: send when the machine says so, sleep until its next time or until woken
/// (a new event, an answer), stop when the outbox is closed or gone. Holds no strong reference
/// while asleep.
async fn drain(weak: Weak<Outbox>) {
    loop {
        let sleep = {
            let Some(outbox) = weak.upgrade() else {
                return;
            };
            if outbox.closed.get() {
                outbox.running.set(false);
                return;
            }
            let sent = outbox.pump();
            outbox.alarm.sleep(outbox.sleep_ms(sent))
        };
        let _ = sleep.await;
    }
}

/// Milliseconds since the Unix epoch.
fn now_ms() -> u64 {
    // `Date.now()` is a whole, positive number of milliseconds.
    js_sys::Date::now() as u64
}
