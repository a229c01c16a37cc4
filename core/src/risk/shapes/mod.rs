//! Shapes: evidence in how a memo is written rather than which words it uses — a rate beside
//! an amount, a count of coins, a wallet address. Rules refer to them as terms (`#rate`,
//! `#wallet_address`…; see `docs/risk-engine.md`), so they combine with words like any term,
//! and are searched only when a rule uses them.
//!
//! - `numbers`: reading `7.18`, `1,000`, `5k`, `2万` from the normalized view.
//! - `quantities`: rates, counts at a rate, coin counts, percentages.
//! - `addresses`: wallet addresses and fragments, from the raw memo (base58 is case-sensitive).

mod addresses;
mod numbers;
mod quantities;

pub(crate) use numbers::Number;
pub(crate) use quantities::Amount;

use crate::risk::normalize::TextView;

/// A shape the engine recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A decimal in the currency's CNY-per-USDT band (`按7.18`, `@6.95`).
    Rate,
    /// A rate whose product with another number of the memo is the amount (`1000个 7.2`).
    PricedCount,
    /// A count (bare or with `个`/`枚`/`颗`/`u`) that divides the amount into the rate band.
    UnitPrice,
    /// A count of coins: `3000枚`, a fraction of `个` (`0.05个`).
    CoinCount,
    /// A whole wallet address of a common chain.
    WalletAddress,
    /// A shortened address (`TQ8s…Vm3`, `0x3f9a...c21e`).
    AddressFragment,
    /// A percentage or a count of points (`20%`, `1.5个点`): a return or a cut.
    Percent,
    /// A percentage of 10 or more (`20%`, `40个点`): no bank pays that for a period.
    HighPercent,
}

/// How many shapes there are.
pub(crate) const COUNT: usize = 8;

impl Shape {
    /// Every shape, in the order of [`Shape::index`].
    pub(crate) const ALL: [Shape; COUNT] = [
        Shape::Rate,
        Shape::PricedCount,
        Shape::UnitPrice,
        Shape::CoinCount,
        Shape::WalletAddress,
        Shape::AddressFragment,
        Shape::Percent,
        Shape::HighPercent,
    ];

    /// Every shape as a rule writes it, for error messages.
    pub(crate) const NAMES: &'static str = "#rate, #priced_count, #unit_price, #coin_count, \
        #wallet_address, #address_fragment, #percent, #high_percent";

    /// The name a rule writes after `#`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Shape::Rate => "rate",
            Shape::PricedCount => "priced_count",
            Shape::UnitPrice => "unit_price",
            Shape::CoinCount => "coin_count",
            Shape::WalletAddress => "wallet_address",
            Shape::AddressFragment => "address_fragment",
            Shape::Percent => "percent",
            Shape::HighPercent => "high_percent",
        }
    }

    /// The shape named `name`.
    pub(crate) fn from_name(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Position in [`Shape::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    fn is_address(self) -> bool {
        matches!(self, Shape::WalletAddress | Shape::AddressFragment)
    }
}

/// The shapes' parameters from the rules file, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeSettings {
    /// Per currency: the least and most major units per USDT, in thousandths.
    pub(crate) bands: Vec<(String, u64, u64)>,
    /// Units that make any number a count of coins (`枚`).
    pub(crate) coin_units: Vec<char>,
}

impl ShapeSettings {
    /// The rate band of `currency`, in thousandths.
    pub(crate) fn band(&self, currency: &str) -> Option<(u64, u64)> {
        self.bands
            .iter()
            .find(|(c, _, _)| c.eq_ignore_ascii_case(currency))
            .map(|&(_, min, max)| (min, max))
    }
}

/// Finds the shapes `wanted` says a rule uses in a memo: `view` is its plain
/// view, `raw` the memo as typed. `emit` gets each shape with its byte range in `view`.
pub(crate) fn detect(
    view: &TextView,
    raw: &str,
    amount: Amount<'_>,
    settings: &ShapeSettings,
    wanted: &dyn Fn(Shape) -> bool,
    numbers: &mut Vec<Number>,
    emit: &mut dyn FnMut(Shape, usize, usize),
) {
    let quantities = Shape::ALL.iter().any(|&s| !s.is_address() && wanted(s));
    if quantities && view.text.bytes().any(|b| b.is_ascii_digit()) {
        numbers.clear();
        numbers::scan(view, numbers);
        quantities::detect(view, numbers, amount, settings, &mut |shape, s, e| {
            if wanted(shape) {
                emit(shape, s, e);
            }
        });
    }
    let addresses = wanted(Shape::WalletAddress) || wanted(Shape::AddressFragment);
    if addresses && raw.len() >= 6 {
        addresses::detect(raw, &mut |found| {
            let (shape, token) = match found {
                addresses::Found::Address(t) => (Shape::WalletAddress, t),
                addresses::Found::Fragment(t) => (Shape::AddressFragment, t),
            };
            if !wanted(shape) {
                return;
            }
            // The token is ASCII letters and digits: the view has it lower-cased, unbroken.
            let lower = token.to_ascii_lowercase();
            if let Some(start) = view.text.find(&lower) {
                emit(shape, start, start + lower.len());
            }
        });
    }
}
