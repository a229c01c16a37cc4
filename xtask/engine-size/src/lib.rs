//! Size baseline for `cargo xtask bench engine-size`: the smallest wasm module that reads a
//! `TransferContext` and returns an `Assessment` as JSON.
//!
//! Built twice with the component's `wasm-release` profile: without the `engine` feature it
//! returns a fixed assessment (so JSON, chrono and serde are in both builds), with it it calls
//! [`assess`] with the built-in rules. The gzip difference is what the risk engine costs.

use riskguard_core::risk::{Assessment, TransferContext};
use wasm_bindgen::prelude::wasm_bindgen;

/// Assesses the transfer in `json` and returns the assessment as JSON, or an error message.
#[wasm_bindgen]
pub fn assess_json(json: &str) -> String {
    match TransferContext::from_json(json) {
        Ok(context) => to_json(&assessment(&context)),
        Err(e) => e.to_string(),
    }
}

#[cfg(feature = "engine")]
fn assessment(context: &TransferContext) -> Assessment {
    riskguard_core::risk::assess(context, riskguard_core::risk::Rules::builtin())
}

#[cfg(not(feature = "engine"))]
fn assessment(context: &TransferContext) -> Assessment {
    Assessment {
        id: context.id.clone(),
        level: riskguard_core::risk::Level::None,
        category: None,
        reasons: Vec::new(),
        rules_version: String::new(),
    }
}

fn to_json(assessment: &Assessment) -> String {
    serde_json::to_string(assessment).unwrap_or_default()
}
