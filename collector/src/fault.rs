//! Fault mode for tests (`--fail-rate`, `--latency-ms`, `--fault-seed`): `POST /v1/events`
//! fails now and then, the way real backends do, so that the component's outbox (retries,
//! backoff) and the collector's dedupe can be tested end to end.
//!
//! With probability `fail_rate` a request fails, in one of three ways chosen with equal odds:
//!
//! - [`FaultKind::Refused`]: 503 (with `Retry-After: 1`) at once; nothing is stored.
//! - [`FaultKind::LostAck`]: the events are stored, then the answer is a 503 — the
//!   acknowledgement is lost, so the client resends and the collector must dedupe.
//! - [`FaultKind::Stalled`]: nothing happens for `latency_ms`, then 503; nothing is stored
//!   (a proxy's timeout).
//!
//! Otherwise the request is handled normally after a random delay of up to `latency_ms`.
//! Static files, `/healthz`, `/v1/stats` and `/dashboard` are never affected.

use std::sync::Mutex;
use std::time::Duration;

use riskguard_core::random::SplitMix64;

use crate::rng::random_seed;
use crate::Error;

/// The faults to inject; `Config::fault`. The same seed gives the same sequence of faults
/// (for requests arriving in the same order).
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// The probability, from 0 to 1, that a request fails.
    pub fail_rate: f64,
    /// The longest injected delay, in milliseconds: stalls last this long, normal requests are
    /// delayed by a random time up to it. Zero for no delays.
    pub latency_ms: u64,
    /// Seed of the fault sequence (logged at start); see [`Fault::random_seed`].
    pub seed: u64,
}

impl Fault {
    /// A seed that differs from run to run, for when none was chosen.
    pub fn random_seed() -> u64 {
        random_seed()
    }
}

impl Default for Fault {
    /// 30 % of requests fail, no latency, seed 0.
    fn default() -> Self {
        Fault {
            fail_rate: 0.3,
            latency_ms: 0,
            seed: 0,
        }
    }
}

/// How an injected failure plays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// 503 without storing.
    Refused,
    /// Stored, then 503.
    LostAck,
    /// A long wait, then 503 without storing.
    Stalled,
}

impl FaultKind {
    /// The name used in logs: `refused`, `lost_ack` or `stalled`.
    pub fn name(self) -> &'static str {
        match self {
            FaultKind::Refused => "refused",
            FaultKind::LostAck => "lost_ack",
            FaultKind::Stalled => "stalled",
        }
    }
}

/// What to do with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Handle it normally after this delay.
    Normal(Duration),
    /// Fail it this way, after this delay.
    Fail(FaultKind, Duration),
}

/// Draws a [`Plan`] for each request from a seeded generator.
#[derive(Debug)]
pub(crate) struct Injector {
    fail_rate: f64,
    max_latency: Duration,
    rng: Mutex<SplitMix64>,
}

impl Injector {
    /// Checks `fault` and starts its generator.
    ///
    /// # Errors
    ///
    /// When `fail_rate` is not a number from 0 to 1.
    pub(crate) fn new(fault: &Fault) -> Result<Self, Error> {
        if !(0.0..=1.0).contains(&fault.fail_rate) {
            return Err(Error::Config(format!(
                "the fail rate must be a number from 0 to 1, not {}",
                fault.fail_rate
            )));
        }
        tracing::warn!(
            fail_rate = fault.fail_rate,
            latency_ms = fault.latency_ms,
            seed = fault.seed,
            "fault mode is on: POST /v1/events will fail on purpose"
        );
        Ok(Injector {
            fail_rate: fault.fail_rate,
            max_latency: Duration::from_millis(fault.latency_ms),
            rng: Mutex::new(SplitMix64::new(fault.seed)),
        })
    }

    /// The plan for the next request.
    pub(crate) fn plan(&self) -> Plan {
        // A panic cannot leave the generator half-updated; take a poisoned lock over.
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        let max_ms = u64::try_from(self.max_latency.as_millis()).unwrap_or(u64::MAX);
        if rng.chance(self.fail_rate) {
            match rng.below(3) {
                0 => Plan::Fail(FaultKind::Refused, Duration::ZERO),
                1 => Plan::Fail(FaultKind::LostAck, Duration::ZERO),
                _ => Plan::Fail(FaultKind::Stalled, self.max_latency),
            }
        } else {
            Plan::Normal(Duration::from_millis(rng.below(max_ms.saturating_add(1))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(fault: &Fault, n: usize) -> Vec<Plan> {
        let injector = Injector::new(fault).expect("valid");
        (0..n).map(|_| injector.plan()).collect()
    }

    #[test]
    fn the_fail_rate_is_checked() {
        for rate in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
            let fault = Fault {
                fail_rate: rate,
                ..Fault::default()
            };
            assert!(Injector::new(&fault).is_err(), "{rate}");
        }
    }

    #[test]
    fn a_seed_reproduces_the_sequence_and_every_kind_occurs() {
        let fault = Fault {
            fail_rate: 0.3,
            latency_ms: 50,
            seed: 9,
        };
        let a = plans(&fault, 2_000);
        assert_eq!(a, plans(&fault, 2_000));
        let failed = a.iter().filter(|p| matches!(p, Plan::Fail(..))).count();
        assert!((500..700).contains(&failed), "{failed} of 2000 failed");
        for kind in [FaultKind::Refused, FaultKind::LostAck, FaultKind::Stalled] {
            assert!(a
                .iter()
                .any(|p| matches!(p, Plan::Fail(k, _) if *k == kind)));
        }
        for plan in a {
            match plan {
                Plan::Normal(d) => assert!(d <= Duration::from_millis(50)),
                Plan::Fail(FaultKind::Stalled, d) => assert_eq!(d, Duration::from_millis(50)),
                Plan::Fail(_, d) => assert_eq!(d, Duration::ZERO),
            }
        }
    }

    #[test]
    fn rate_zero_never_fails_and_rate_one_always_fails() {
        let never = Fault {
            fail_rate: 0.0,
            latency_ms: 0,
            seed: 1,
        };
        assert!(plans(&never, 500)
            .iter()
            .all(|p| *p == Plan::Normal(Duration::ZERO)));
        let always = Fault {
            fail_rate: 1.0,
            ..never
        };
        assert!(plans(&always, 500)
            .iter()
            .all(|p| matches!(p, Plan::Fail(..))));
    }
}
