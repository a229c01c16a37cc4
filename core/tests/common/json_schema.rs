//! A small validator for the subset of JSON Schema (2020-12) the files in `schemas/` use. It
//! keeps the schema tests free of a heavy dependency, and refuses any keyword it does not
//! implement, so the schemas cannot silently outgrow it.
//!
//! `$ref` may point into the same document (`#/$defs/Name`) or, with [`check_in`], to a file
//! next to it (`other.schema.json` or `other.schema.json#/$defs/Name`). `format: date-time` is
//! asserted (with chrono's RFC 3339 parser), as riskguard's consumers are expected to do.

#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;

/// Where `$ref`s to other files are looked up.
#[derive(Clone, Copy)]
struct Context<'a> {
    dir: Option<&'a Path>,
}

/// Validates `value` against `schema`, resolving `#/$defs/…` in `schema` itself.
pub fn check(schema: &Value, value: &Value) -> Result<(), String> {
    validate(Context { dir: None }, schema, schema, value, "$")
}

/// As [`check`], also resolving `$ref`s to files in `dir`.
pub fn check_in(dir: &Path, schema: &Value, value: &Value) -> Result<(), String> {
    validate(Context { dir: Some(dir) }, schema, schema, value, "$")
}

/// Reads a schema file.
pub fn load_file(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The file a `$ref` points to (`None`: the current document) and the `$defs` name in it
/// (empty: the whole document).
fn resolve(
    context: Context<'_>,
    reference: &str,
    at: &str,
) -> Result<(Option<Value>, String), String> {
    let (file, pointer) = reference.split_once('#').unwrap_or((reference, ""));
    let name = if pointer.is_empty() {
        None
    } else {
        Some(
            pointer
                .strip_prefix("/$defs/")
                .ok_or_else(|| format!("{at}: unsupported $ref {reference}"))?
                .to_owned(),
        )
    };
    if file.is_empty() {
        let name = name.ok_or_else(|| format!("{at}: unsupported $ref {reference}"))?;
        return Ok((None, name));
    }
    let dir = context
        .dir
        .ok_or_else(|| format!("{at}: $ref to another file ({reference}) needs check_in"))?;
    if file.contains('/') || file.contains("..") {
        return Err(format!("{at}: $ref {reference} leaves the schema folder"));
    }
    let other = load_file(&dir.join(file));
    Ok((Some(other), name.unwrap_or_default()))
}

/// Validates `value` against `schema` (resolving `$ref`s in `root` or in sibling files); the
/// error says where.
fn validate(
    context: Context<'_>,
    root: &Value,
    schema: &Value,
    value: &Value,
    at: &str,
) -> Result<(), String> {
    let Some(schema) = schema.as_object() else {
        return Err(format!("{at}: schema is not an object"));
    };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" | "$comment" | "examples" => {}
            "$ref" => {
                let reference = rule
                    .as_str()
                    .ok_or_else(|| format!("{at}: $ref is not a string"))?;
                let (other, name) = resolve(context, reference, at)?;
                let document = other.as_ref().unwrap_or(root);
                let target = if name.is_empty() {
                    document
                } else {
                    document["$defs"]
                        .get(&name)
                        .ok_or_else(|| format!("{at}: no $defs/{name} for {reference}"))?
                };
                validate(context, document, target, value, at)?;
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => return Err(format!("{at}: bad type {rule}")),
                };
                let ok = types.iter().any(|t| match *t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    "integer" => value.is_u64() || value.is_i64(),
                    _ => false,
                });
                if !ok {
                    return Err(format!("{at}: {value} is not {types:?}"));
                }
            }
            "required" => {
                if let Some(object) = value.as_object() {
                    for name in rule
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        if !object.contains_key(name) {
                            return Err(format!("{at}: `{name}` is required"));
                        }
                    }
                }
            }
            "properties" => {
                if let (Some(object), Some(properties)) = (value.as_object(), rule.as_object()) {
                    for (name, sub) in properties {
                        if let Some(v) = object.get(name) {
                            validate(context, root, sub, v, &format!("{at}.{name}"))?;
                        }
                    }
                }
            }
            "additionalProperties" => {
                if rule == &Value::Bool(false) {
                    if let Some(object) = value.as_object() {
                        for name in object.keys() {
                            if schema["properties"].get(name).is_none() {
                                return Err(format!("{at}: unexpected `{name}`"));
                            }
                        }
                    }
                } else if rule != &Value::Bool(true) {
                    return Err(format!(
                        "{at}: the test knows only boolean additionalProperties"
                    ));
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    validate(context, root, rule, item, &format!("{at}[{i}]"))?;
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|values| values.contains(value)) {
                    return Err(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != value {
                    return Err(format!("{at}: {value} is not {rule}"));
                }
            }
            "anyOf" => {
                let alternatives = rule.as_array().cloned().unwrap_or_default();
                if !alternatives
                    .iter()
                    .any(|alternative| validate(context, root, alternative, value, at).is_ok())
                {
                    return Err(format!("{at}: {value} matches none of anyOf"));
                }
            }
            "allOf" => {
                for part in rule.as_array().into_iter().flatten() {
                    validate(context, root, part, value, at)?;
                }
            }
            "minimum" | "maximum" => {
                if let (Some(v), Some(limit)) = (value.as_f64(), rule.as_f64()) {
                    let ok = if keyword == "minimum" {
                        v >= limit
                    } else {
                        v <= limit
                    };
                    if !ok {
                        return Err(format!("{at}: {value} is out of range ({keyword} {rule})"));
                    }
                }
            }
            "minLength" => {
                if let (Some(s), Some(min)) = (value.as_str(), rule.as_u64()) {
                    if (s.chars().count() as u64) < min {
                        return Err(format!("{at}: {value} is shorter than {min}"));
                    }
                }
            }
            "pattern" => {
                let pattern = rule.as_str().unwrap_or_default();
                if let Some(s) = value.as_str() {
                    let ok = match pattern {
                        "^[A-Z]{3}$" => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
                        other => return Err(format!("{at}: the test knows no pattern {other}")),
                    };
                    if !ok {
                        return Err(format!("{at}: {value} does not match {pattern}"));
                    }
                }
            }
            "format" => {
                if let Some(s) = value.as_str() {
                    match rule.as_str() {
                        Some("date-time") => {
                            chrono::DateTime::parse_from_rfc3339(s)
                                .map_err(|e| format!("{at}: {value} is not a date-time: {e}"))?;
                        }
                        _ => return Err(format!("{at}: the test knows no format {rule}")),
                    }
                }
            }
            other => return Err(format!("{at}: the test validator does not know `{other}`")),
        }
    }
    Ok(())
}
