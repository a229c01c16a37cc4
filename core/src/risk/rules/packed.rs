//! Reads the built-in rules in the packed form `core/build.rs` writes from `rules/default.json`.
//!
//! Hand-written for size: serde's derived readers for the rules types cost 49 KB of raw wasm
//! (measured once with twiggy on the `cargo xtask bench engine-size` module, Nov 2026, before
//! packing); this reader is a few hundred
//! bytes, and a module that only uses the built-in rules links no rules parser at all. The
//! format is described in `core/build.rs`; the test `packed_builtin_equals_the_json_file`
//! checks that both read the same file to the same [`RulesFile`].

use crate::risk::{Category, Level};

use super::file::{
    CombinationRule, FlagRule, GuardRule, KeywordRule, MemoModelRule, NormalizationTables, Pairs,
    RulesFile, Scoring, ShapesSection, SignalKind, SignalRule,
};

/// Reads a whole packed rules file. The error names the byte where reading stopped.
pub(super) fn unpack(bytes: &[u8]) -> Result<RulesFile, String> {
    let mut r = Reader { bytes, at: 0 };
    let file = r
        .file()
        .ok_or_else(|| format!("unreadable at byte {}", r.at))?;
    match r.at == bytes.len() {
        true => Ok(file),
        false => Err(format!("{} trailing bytes", bytes.len() - r.at)),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn file(&mut self) -> Option<RulesFile> {
        Some(RulesFile {
            version: self.str()?,
            description: None,
            scoring: self.or_default(|r| {
                let (low, medium, high) = (r.u32()?, r.u32()?, r.u32()?);
                let defaults = Scoring::default();
                Some(Scoring {
                    low,
                    medium,
                    high,
                    weak_alone_max: r.opt(Self::level)?.unwrap_or(defaults.weak_alone_max),
                    behaviour_max: r.opt(Self::level)?.unwrap_or(defaults.behaviour_max),
                })
            })?,
            normalization: self.or_default(|r| {
                Some(NormalizationTables {
                    variants: r.or_default(|r| r.pairs(Self::str))?,
                    confusables: r.or_default(|r| r.pairs(Self::str))?,
                    substitutions: r.or_default(|r| r.pairs(Self::str))?,
                })
            })?,
            term_sets: self.or_default(|r| r.pairs(Self::strs))?,
            shapes: self.or_default(|r| {
                let defaults = ShapesSection::default();
                Some(ShapesSection {
                    rate_bands: r
                        .opt(|r| r.pairs(Self::nums))?
                        .unwrap_or(defaults.rate_bands),
                    coin_units: r.opt(Self::strs)?.unwrap_or(defaults.coin_units),
                })
            })?,
            keywords: self.or_default(|r| r.list(Self::keyword))?,
            combinations: self.or_default(|r| r.list(Self::combination))?,
            guards: self.or_default(|r| r.list(Self::guard))?,
            flags: self.or_default(|r| r.list(Self::flag_rule))?,
            signals: self.or_default(|r| r.list(Self::signal))?,
            memo_model: self.opt(|r| {
                Some(MemoModelRule {
                    id: r.str()?,
                    weights: r.nibbles()?,
                    alone: r.u32()?,
                    with_evidence: r.u32()?,
                    doubt_below: r.opt(|r| {
                        let n = r.leb128()?;
                        i32::try_from((n >> 1) as i64 ^ -((n & 1) as i64)).ok()
                    })?,
                    note: None,
                })
            })?,
        })
    }

    fn keyword(&mut self) -> Option<KeywordRule> {
        let (id, category, weight, level) = self.rule_head()?;
        Some(KeywordRule {
            id,
            category,
            weight,
            level,
            terms: self.strs()?,
            after_number: self.switch()?,
            standalone: self.switch()?,
            note: None,
        })
    }

    fn combination(&mut self) -> Option<CombinationRule> {
        let (id, category, weight, level) = self.rule_head()?;
        Some(CombinationRule {
            id,
            category,
            weight,
            level,
            all: self.list(Self::strs)?,
            within: self.opt(Self::u32)?,
            ordered: self.switch()?,
            note: None,
        })
    }

    fn guard(&mut self) -> Option<GuardRule> {
        Some(GuardRule {
            id: self.str()?,
            terms: self.strs()?,
            anywhere: self.switch()?,
            applies_to: self.or_default(Self::strs)?,
            payee_name: self.switch()?,
            note: None,
        })
    }

    /// Hex digits packed two to a byte (the memo model's weights), back to their text.
    fn nibbles(&mut self) -> Option<String> {
        let count = usize::try_from(self.leb128()?).ok()?;
        let bytes = self.bytes.get(self.at..self.at.checked_add(count)?)?;
        self.at += count;
        let digit = |d: u8| char::from_digit(u32::from(d), 16);
        bytes
            .iter()
            .flat_map(|b| [digit(b >> 4), digit(b & 15)])
            .collect()
    }

    /// A `true`/`false` field that is `false` when absent.
    fn switch(&mut self) -> Option<bool> {
        Some(self.opt(Self::bool)?.unwrap_or(false))
    }

    fn flag_rule(&mut self) -> Option<FlagRule> {
        let flag = self.str()?;
        let (id, category, weight, level) = self.rule_head()?;
        Some(FlagRule {
            flag,
            id,
            category,
            weight,
            level,
        })
    }

    fn signal(&mut self) -> Option<SignalRule> {
        Some(SignalRule {
            signal: {
                let code = self.str()?;
                SignalKind::ALL
                    .into_iter()
                    .find(|s| s.json_name() == code)?
            },
            id: self.str()?,
            weight: self.u32()?,
            max_days: self.opt(Self::u32)?,
            from_hour: self.opt(Self::u32)?,
            to_hour: self.opt(Self::u32)?,
            min_count: self.opt(Self::u32)?,
            window_percent: self.opt(Self::u32)?,
            limits: self.opt(|r| r.pairs(Self::nums))?,
        })
    }

    /// `id`, `category`, `weight`, `level`.
    fn rule_head(&mut self) -> Option<(String, Category, Option<u32>, Option<Level>)> {
        let id = self.str()?;
        let code = self.str()?;
        let category = Category::ALL.into_iter().find(|c| c.code() == code)?;
        Some((id, category, self.opt(Self::u32)?, self.opt(Self::level)?))
    }

    fn level(&mut self) -> Option<Level> {
        let code = self.str()?;
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    fn leb128(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.leb128()?).ok()
    }

    fn bool(&mut self) -> Option<bool> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        (byte <= 1).then_some(byte == 1)
    }

    fn str(&mut self) -> Option<String> {
        let len = usize::try_from(self.leb128()?).ok()?;
        let bytes = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }

    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.bool()? {
            true => read(self).map(Some),
            false => Some(None),
        }
    }

    fn or_default<T: Default>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        Some(self.opt(read)?.unwrap_or_default())
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = usize::try_from(self.leb128()?).ok()?;
        // Never trust a count for the allocation: each item takes at least one byte.
        let mut items = Vec::with_capacity(len.min(self.bytes.len() - self.at));
        for _ in 0..len {
            items.push(item(self)?);
        }
        Some(items)
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        self.list(Self::str)
    }

    fn nums(&mut self) -> Option<Vec<u64>> {
        self.list(Self::leb128)
    }

    fn pairs<V>(&mut self, mut value: impl FnMut(&mut Self) -> Option<V>) -> Option<Pairs<V>> {
        self.list(|r| Some((r.str()?, value(r)?))).map(Pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build script's output read back equals serde's reading of the same JSON file,
    /// field by field (notes and descriptions aside): the writer and the reader agree.
    #[test]
    fn packed_builtin_equals_the_json_file() {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/rules.packed"));
        let json = include_str!("../../../../rules/default.json");
        let mut expected: RulesFile = serde_json::from_str(json).expect("rules/default.json");
        expected.description = None;
        expected.keywords.iter_mut().for_each(|k| k.note = None);
        expected.combinations.iter_mut().for_each(|c| c.note = None);
        expected.guards.iter_mut().for_each(|g| g.note = None);
        expected.memo_model.iter_mut().for_each(|m| m.note = None);
        assert_eq!(unpack(packed), Ok(expected));
    }

    #[test]
    fn signal_codes_are_the_json_names() {
        for kind in SignalKind::ALL {
            let json = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(json, format!("\"{}\"", kind.json_name()));
        }
    }

    #[test]
    fn truncated_or_padded_bytes_are_refused_with_where() {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/rules.packed"));
        let err = unpack(&packed[..packed.len() / 2]).expect_err("truncated");
        assert!(err.starts_with("unreadable at byte "), "{err}");
        let mut padded = packed.to_vec();
        padded.push(0);
        assert_eq!(unpack(&padded), Err("1 trailing bytes".to_owned()));
        assert!(unpack(&[]).is_err());
    }
}
