//! Packs the built-in rules for the crate: `rules/default.json` is read here and written to
//! `OUT_DIR/rules.packed` in the compact form `src/risk/rules/packed.rs` reads back, so the
//! wasm carries neither the JSON text nor the JSON reader's code for the rules types.
//!
//! Why a hand-written format: serde's derived readers for the rules types, monomorphized for
//! serde_json, were 49 KB of raw wasm in `cargo xtask bench engine-size` (measured once with
//! twiggy, Nov 2026),
//! about as much as the rest of the engine. The packed form is a list of fields in the order
//! of `RulesFile`'s declaration; what only people read (`note`, `description`) is left out.
//! The test `packed_builtin_equals_the_json_file` reads the same file with serde and compares
//! every field, so this writer and the reader cannot drift apart.
//!
//! Format: a string is a LEB128 length and UTF-8 bytes; a number is LEB128 (zigzag when it may
//! be negative); an optional field
//! is a byte (0 absent, 1 present) followed by its value; a list or an object read as pairs is
//! a LEB128 count and its items; the memo model's weights (hex digits) are packed two to a
//! byte after a LEB128 count of bytes.
#![allow(clippy::expect_used)] // a build script reports a failure by panicking

use std::path::Path;

use serde_json::{Map, Value};

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/default.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules.packed");
    let packed = std::fs::read_to_string(&source)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()))
        .and_then(|file| pack(&file));
    match packed {
        Ok(bytes) => std::fs::write(&out, bytes).expect("OUT_DIR is writable"),
        Err(e) => panic!("rules/default.json cannot be compiled in: {e}"),
    }
}

type Result<T> = std::result::Result<T, String>;

/// The packed bytes of a whole rules file.
fn pack(file: &Value) -> Result<Vec<u8>> {
    let mut w = Writer::default();
    let file = Fields::of(file, "the file")?;
    w.str(file.req("version")?)?;
    file.skip("description");
    w.opt(file.get("scoring"), |w, v| {
        let s = Fields::of(v, "scoring")?;
        for key in ["low", "medium", "high"] {
            w.num(s.req(key)?)?;
        }
        w.opt(s.get("weak_alone_max"), Writer::str)?;
        w.opt(s.get("behaviour_max"), Writer::str)?;
        s.done()
    })?;
    w.opt(file.get("normalization"), |w, v| {
        let n = Fields::of(v, "normalization")?;
        for key in ["variants", "confusables", "substitutions"] {
            w.opt(n.get(key), |w, v| w.pairs(v, Writer::str))?;
        }
        n.done()
    })?;
    w.opt(file.get("term_sets"), |w, v| w.pairs(v, Writer::strs))?;
    w.opt(file.get("shapes"), |w, v| {
        let s = Fields::of(v, "shapes")?;
        w.opt(s.get("rate_bands"), |w, v| w.pairs(v, Writer::nums))?;
        w.opt(s.get("coin_units"), Writer::strs)?;
        s.done()
    })?;
    w.opt(file.get("keywords"), |w, v| {
        w.objects(v, "keywords", |w, k| {
            w.rule_head(k)?;
            w.strs(k.req("terms")?)?;
            w.opt(k.get("after_number"), Writer::bool)?;
            w.opt(k.get("standalone"), Writer::bool)?;
            k.skip("note");
            k.done()
        })
    })?;
    w.opt(file.get("combinations"), |w, v| {
        w.objects(v, "combinations", |w, c| {
            w.rule_head(c)?;
            w.list(c.req("all")?, Writer::strs)?;
            w.opt(c.get("within"), Writer::num)?;
            w.opt(c.get("ordered"), Writer::bool)?;
            c.skip("note");
            c.done()
        })
    })?;
    w.opt(file.get("guards"), |w, v| {
        w.objects(v, "guards", |w, g| {
            w.str(g.req("id")?)?;
            w.strs(g.req("terms")?)?;
            w.opt(g.get("anywhere"), Writer::bool)?;
            w.opt(g.get("applies_to"), Writer::strs)?;
            w.opt(g.get("payee_name"), Writer::bool)?;
            g.skip("note");
            g.done()
        })
    })?;
    w.opt(file.get("flags"), |w, v| {
        w.objects(v, "flags", |w, f| {
            w.str(f.req("flag")?)?;
            w.rule_head(f)?;
            f.done()
        })
    })?;
    w.opt(file.get("signals"), |w, v| {
        w.objects(v, "signals", |w, s| {
            w.str(s.req("signal")?)?;
            w.str(s.req("id")?)?;
            w.num(s.req("weight")?)?;
            for key in [
                "max_days",
                "from_hour",
                "to_hour",
                "min_count",
                "window_percent",
            ] {
                w.opt(s.get(key), Writer::num)?;
            }
            w.opt(s.get("limits"), |w, v| w.pairs(v, Writer::nums))?;
            s.done()
        })
    })?;
    w.opt(file.get("memo_model"), |w, v| {
        let m = Fields::of(v, "memo_model")?;
        w.str(m.req("id")?)?;
        w.nibbles(m.req("weights")?)?;
        w.num(m.req("alone")?)?;
        w.num(m.req("with_evidence")?)?;
        w.opt(m.get("doubt_below"), Writer::signed)?;
        m.skip("note");
        m.done()
    })?;
    file.done()?;
    Ok(w.bytes)
}

/// An object whose fields are taken one by one; [`Fields::done`] refuses any left over, so a
/// field added to the format without a line here fails the build instead of vanishing.
struct Fields<'a> {
    what: String,
    map: &'a Map<String, Value>,
    taken: std::cell::RefCell<Vec<&'a str>>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Value, what: impl Into<String>) -> Result<Self> {
        let what = what.into();
        match value {
            Value::Object(map) => Ok(Self {
                what,
                map,
                taken: Default::default(),
            }),
            _ => Err(format!("{what} should be an object")),
        }
    }

    fn get(&self, key: &'a str) -> Option<&'a Value> {
        self.taken.borrow_mut().push(key);
        self.map.get(key)
    }

    fn req(&self, key: &'a str) -> Result<&'a Value> {
        self.get(key)
            .ok_or_else(|| format!("{} has no `{key}`", self.what))
    }

    fn skip(&self, key: &'a str) {
        self.taken.borrow_mut().push(key);
    }

    fn done(&self) -> Result<()> {
        let taken = self.taken.borrow();
        match self.map.keys().find(|k| !taken.contains(&k.as_str())) {
            Some(key) => Err(format!("{} has an unknown field `{key}`", self.what)),
            None => Ok(()),
        }
    }
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn leb128(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    fn str(&mut self, v: &Value) -> Result<()> {
        let s = v
            .as_str()
            .ok_or_else(|| format!("{v} should be a string"))?;
        self.leb128(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
        Ok(())
    }

    fn num(&mut self, v: &Value) -> Result<()> {
        let n = v
            .as_u64()
            .ok_or_else(|| format!("{v} should be a whole number"))?;
        self.leb128(n);
        Ok(())
    }

    /// A whole number that may be negative, zigzag-encoded (0, -1, 1, -2… → 0, 1, 2, 3…).
    fn signed(&mut self, v: &Value) -> Result<()> {
        let n = v
            .as_i64()
            .filter(|n| i32::try_from(*n).is_ok())
            .ok_or_else(|| format!("{v} should be a whole number"))?;
        self.leb128(((n << 1) ^ (n >> 63)) as u64);
        Ok(())
    }

    fn bool(&mut self, v: &Value) -> Result<()> {
        let b = v
            .as_bool()
            .ok_or_else(|| format!("{v} should be true or false"))?;
        self.bytes.push(u8::from(b));
        Ok(())
    }

    fn opt(
        &mut self,
        v: Option<&Value>,
        write: impl FnOnce(&mut Self, &Value) -> Result<()>,
    ) -> Result<()> {
        match v {
            None | Some(Value::Null) => {
                self.bytes.push(0);
                Ok(())
            }
            Some(v) => {
                self.bytes.push(1);
                write(self, v)
            }
        }
    }

    fn list(
        &mut self,
        v: &Value,
        mut item: impl FnMut(&mut Self, &Value) -> Result<()>,
    ) -> Result<()> {
        let items = v
            .as_array()
            .ok_or_else(|| format!("{v} should be a list"))?;
        self.leb128(items.len() as u64);
        items.iter().try_for_each(|v| item(self, v))
    }

    fn strs(&mut self, v: &Value) -> Result<()> {
        self.list(v, Self::str)
    }

    fn nums(&mut self, v: &Value) -> Result<()> {
        self.list(v, Self::num)
    }

    /// A list of objects, each named by its place (`keywords[3]`) in errors.
    fn objects(
        &mut self,
        v: &Value,
        section: &str,
        mut item: impl FnMut(&mut Self, &Fields) -> Result<()>,
    ) -> Result<()> {
        let items = v
            .as_array()
            .ok_or_else(|| format!("`{section}` should be a list"))?;
        self.leb128(items.len() as u64);
        items.iter().enumerate().try_for_each(|(i, v)| {
            let fields = Fields::of(v, format!("`{section}[{i}]`"))?;
            item(self, &fields)
        })
    }

    /// An object read as its pairs in file order (`Pairs` in `file.rs`).
    fn pairs(
        &mut self,
        v: &Value,
        mut value: impl FnMut(&mut Self, &Value) -> Result<()>,
    ) -> Result<()> {
        let map = v
            .as_object()
            .ok_or_else(|| format!("{v} should be an object"))?;
        self.leb128(map.len() as u64);
        map.iter().try_for_each(|(k, v)| {
            self.str(&Value::String(k.clone()))?;
            value(self, v)
        })
    }

    /// The memo model's weights, one hex digit each, two to a byte (a count of bytes first):
    /// for the weights shipped with rules `2026.11.5`, 1,439 bytes gzip instead of the digits'
    /// 1,703 (measured once, with Python's `gzip.compress(…, 9)`).
    fn nibbles(&mut self, v: &Value) -> Result<()> {
        let digits = v
            .as_str()
            .ok_or_else(|| format!("{v} should be a string"))?
            .chars()
            .map(|c| {
                c.to_digit(16)
                    .ok_or_else(|| format!("`{c}` is not a weight digit"))
            })
            .collect::<Result<Vec<u32>>>()?;
        if digits.len() % 2 != 0 {
            return Err("memo_model: the number of weights should be even".to_owned());
        }
        self.leb128(digits.len() as u64 / 2);
        self.bytes
            .extend(digits.chunks(2).map(|pair| (pair[0] << 4 | pair[1]) as u8));
        Ok(())
    }

    /// `id`, `category`, `weight` and `level`, shared by keyword, combination and flag rules.
    fn rule_head(&mut self, fields: &Fields) -> Result<()> {
        self.str(fields.req("id")?)?;
        self.str(fields.req("category")?)?;
        self.opt(fields.get("weight"), Self::num)?;
        self.opt(fields.get("level"), Self::str)
    }
}
