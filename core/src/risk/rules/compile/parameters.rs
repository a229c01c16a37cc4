//! The parameters of shapes (`shapes.*`) and behavioural signals (`signals`), checked.

use super::super::file::RulesFile;
use super::super::RulesError;
use super::tables::single_char;
use crate::risk::shapes::ShapeSettings;

/// The shapes' parameters, checked.
pub(super) fn shape_settings(file: &RulesFile) -> Result<ShapeSettings, RulesError> {
    let section = &file.shapes;
    let mut bands = Vec::with_capacity(section.rate_bands.len());
    for (currency, band) in section.rate_bands.iter() {
        let field = format!("shapes.rate_bands.{currency}");
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(RulesError::at(
                field,
                "keys are ISO 4217 codes such as `CNY`",
            ));
        }
        let (min, max) = match band.as_slice() {
            &[min, max] if 0 < min && min < max && max <= 1_000_000_000 => (min, max),
            _ => {
                return Err(RulesError::at(
                    field,
                    "write [least, most] in minor units, with 0 < least < most",
                ))
            }
        };
        // Minor units (two decimals) to the shapes' thousandths.
        bands.push((currency.clone(), min * 10, max * 10));
    }
    let mut coin_units = Vec::with_capacity(section.coin_units.len());
    for (i, unit) in section.coin_units.iter().enumerate() {
        match single_char(unit) {
            Some(c) if !c.is_ascii_digit() && !c.is_whitespace() => coin_units.push(c),
            _ => {
                return Err(RulesError::at(
                    format!("shapes.coin_units[{i}]"),
                    "each unit is one character, not a digit",
                ))
            }
        }
    }
    Ok(ShapeSettings { bands, coin_units })
}

/// The behavioural signals' parameters, checked.
pub(super) fn check_signals(file: &RulesFile) -> Result<(), RulesError> {
    use super::super::file::SignalKind;
    for (i, s) in file.signals.iter().enumerate() {
        let field = |name: &str| format!("signals[{i}].{name}");
        let missing = |name: &str| Err(RulesError::at(field(name), "is required for this signal"));
        if s.id.trim().is_empty() {
            return Err(RulesError::at(field("id"), "must not be empty"));
        }
        match s.signal {
            SignalKind::NewPayee => {}
            SignalKind::YoungAccount if s.max_days.is_none() => return missing("max_days"),
            SignalKind::Night => match (s.from_hour, s.to_hour) {
                (Some(from), Some(to)) if from <= 23 && to <= 23 => {}
                (Some(_), Some(_)) => {
                    return Err(RulesError::at(field("from_hour"), "hours go from 0 to 23"))
                }
                (None, _) => return missing("from_hour"),
                (_, None) => return missing("to_hour"),
            },
            SignalKind::FanOut | SignalKind::Burst if s.min_count.is_none() => {
                return missing("min_count")
            }
            SignalKind::UnderLimit => match (s.window_percent, &s.limits) {
                (Some(w), Some(_)) if w <= 100 => {}
                (Some(_), Some(_)) => {
                    return Err(RulesError::at(field("window_percent"), "must be 0 to 100"))
                }
                (None, _) => return missing("window_percent"),
                (_, None) => return missing("limits"),
            },
            _ => {}
        }
    }
    Ok(())
}
