//! Cross-origin access to the API (`--allow-origin`): only listed origins get CORS headers.
//!
//! The component runs inside the host's pages, which may be served from another origin than
//! the collector. For a listed origin, `POST /v1/events` and `GET /v1/stats` answer with
//! `Access-Control-Allow-Origin`, and preflight requests (`OPTIONS`) are answered for the
//! request headers the browser announces (`Content-Type`, `Authorization` and any custom header
//! the host adds). An unlisted origin gets no CORS header at all, and its preflight and its
//! POSTs a 403.
//! Credentials (cookies) are never allowed: the token travels in `Authorization`.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::header::{HeaderName, ACCESS_CONTROL_REQUEST_METHOD, HOST, ORIGIN, RETRY_AFTER};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::{Json, Router};
use serde_json::json;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

use crate::request_log::{rejected, REQUEST_ID};

/// How long browsers may cache a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// A web origin allowed to call the API: `scheme://host[:port]`, exactly as browsers send it
/// in the `Origin` header (lowercase, no path, no trailing slash, no default port).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AllowedOrigin(String);

impl AllowedOrigin {
    /// Checks and wraps an origin such as `https://pay.example` or `http://localhost:8080`.
    ///
    /// # Errors
    ///
    /// When `origin` is not in the form browsers send, with a hint at the right form when
    /// there is one (for example without the path).
    pub fn parse(origin: &str) -> Result<Self, InvalidOrigin> {
        let fail = |problem: String| InvalidOrigin {
            origin: origin.to_owned(),
            problem,
        };
        if origin == "*" || origin.eq_ignore_ascii_case("null") {
            return Err(fail(
                "wildcards and `null` are not allowed; list each origin, like https://pay.example"
                    .to_owned(),
            ));
        }
        let Some((scheme, rest)) = origin.split_once("://") else {
            return Err(fail(
                "an origin is `scheme://host[:port]`, like https://pay.example".to_owned(),
            ));
        };
        let scheme_lower = scheme.to_ascii_lowercase();
        if scheme_lower != "http" && scheme_lower != "https" {
            return Err(fail(format!(
                "the scheme must be http or https, not `{scheme}`"
            )));
        }
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(fail("an origin has no user name or password".to_owned()));
        }
        let (host, port) = split_port(authority).map_err(fail)?;
        if host.is_empty() {
            return Err(fail("the host is missing".to_owned()));
        }
        let host_ok = if let Some(ip6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            !ip6.is_empty()
                && ip6
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        } else {
            host.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
                && !host.starts_with(['.', '-'])
                && !host.ends_with(['.', '-'])
        };
        if !host_ok {
            return Err(fail(
                "the host must be a domain name (punycode for international names) or an IP address"
                    .to_owned(),
            ));
        }
        let default_port = if scheme_lower == "https" { 443 } else { 80 };
        let canonical = match port {
            Some(port) if port != default_port => {
                format!("{scheme_lower}://{}:{port}", host.to_ascii_lowercase())
            }
            _ => format!("{scheme_lower}://{}", host.to_ascii_lowercase()),
        };
        if !tail.is_empty() || canonical != origin {
            return Err(fail(format!(
                "browsers send origins without a path, query, default port or capitals; \
                 did you mean `{canonical}`?"
            )));
        }
        Ok(AllowedOrigin(canonical))
    }

    /// The origin as browsers send it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Splits `host[:port]` (with `[v6]` hosts); the port must be 1–65535.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let port_start = if authority.starts_with('[') {
        authority.find("]:").map(|i| i + 1)
    } else {
        authority.rfind(':')
    };
    match port_start {
        None => Ok((authority, None)),
        Some(colon) => {
            let port = &authority[colon + 1..];
            match port.parse::<u16>() {
                Ok(p) if p > 0 && port.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok((&authority[..colon], Some(p)))
                }
                _ => Err(format!("`{port}` is not a port number (1–65535)")),
            }
        }
    }
}

impl fmt::Debug for AllowedOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AllowedOrigin({})", self.0)
    }
}

impl fmt::Display for AllowedOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AllowedOrigin {
    type Err = InvalidOrigin;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AllowedOrigin::parse(s)
    }
}

/// Why a string is not an [`AllowedOrigin`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid origin `{origin}`: {problem}")]
pub struct InvalidOrigin {
    /// What was given.
    pub origin: String,
    /// What is wrong with it.
    pub problem: String,
}

/// Wraps the API routes so that listed origins may call them from the browser. Without any
/// origin the router is returned unchanged (same-origin only).
pub(crate) fn allow(router: Router, origins: &[AllowedOrigin]) -> Router {
    if origins.is_empty() {
        return router;
    }
    let values: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.as_str()).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(values))
        .allow_methods([Method::GET, Method::POST])
        // Whatever headers the browser announces: the host may add its own to the component's
        // requests, and the origin is already trusted.
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([HeaderName::from_static(REQUEST_ID), RETRY_AFTER])
        .max_age(PREFLIGHT_MAX_AGE);
    let listed: Arc<[AllowedOrigin]> = origins.into();
    router
        .layer(cors)
        .layer(axum::middleware::from_fn_with_state(
            listed,
            refuse_unlisted_origins,
        ))
}

/// Middleware outside the CORS layer: an unlisted origin's preflight gets 403, and so does its
/// POST whatever its content type (a browser sends some cross-site POSTs without a preflight,
/// and CORS only hides the answer, it does not stop the write); the collector's own pages
/// (an `Origin` naming the `Host` the request was sent to) may POST. Any `Access-Control-*`
/// header is removed from answers to unlisted origins (tower-http adds some, such as
/// `Access-Control-Expose-Headers`, whatever the origin).
async fn refuse_unlisted_origins(
    State(listed): State<Arc<[AllowedOrigin]>>,
    request: Request,
    next: Next,
) -> Response {
    let origin = request.headers().get(ORIGIN).cloned();
    let is_listed = |origin: &HeaderValue| {
        listed
            .iter()
            .any(|o| o.as_str().as_bytes() == origin.as_bytes())
    };
    match origin {
        Some(origin) if !is_listed(&origin) => {
            let preflight = request.method() == Method::OPTIONS
                && request
                    .headers()
                    .contains_key(ACCESS_CONTROL_REQUEST_METHOD);
            let write = request.method() == Method::POST && !same_origin(&request, &origin);
            if preflight || write {
                return rejected(
                    StatusCode::FORBIDDEN,
                    Json(json!({ "error": "this origin is not allowed to call the collector" })),
                    "origin_not_allowed",
                );
            }
            let mut response = next.run(request).await;
            strip_cors_headers(&mut response);
            response
        }
        _ => next.run(request).await,
    }
}

/// Whether `origin` is the collector's own: `http(s)://` followed by the `Host` header.
fn same_origin(request: &Request, origin: &HeaderValue) -> bool {
    let (Some(host), Ok(origin)) = (request.headers().get(HOST), origin.to_str()) else {
        return false;
    };
    let host = host.as_bytes();
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|rest| rest.as_bytes().eq_ignore_ascii_case(host))
}

fn strip_cors_headers(response: &mut Response) {
    let names: Vec<HeaderName> = response
        .headers()
        .keys()
        .filter(|name| name.as_str().starts_with("access-control-"))
        .cloned()
        .collect();
    for name in names {
        response.headers_mut().remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_as_browsers_send_them_are_accepted() {
        for origin in [
            "https://pay.example",
            "http://localhost:8080",
            "http://127.0.0.1:5173",
            "https://xn--fiqs8s.example",
            "http://[::1]:8080",
        ] {
            assert_eq!(
                AllowedOrigin::parse(origin).map(|o| o.to_string()),
                Ok(origin.to_owned())
            );
        }
    }

    #[test]
    fn other_forms_are_refused_with_a_hint() {
        let hint = |origin: &str| AllowedOrigin::parse(origin).expect_err(origin).to_string();
        assert!(hint("https://pay.example/").contains("did you mean `https://pay.example`"));
        assert!(hint("https://pay.example/checkout").contains("did you mean `https://pay.example`"));
        assert!(hint("https://Pay.Example").contains("did you mean `https://pay.example`"));
        assert!(hint("https://pay.example:443").contains("did you mean `https://pay.example`"));
        assert!(hint("http://pay.example:80?x").contains("did you mean `http://pay.example`"));
        assert!(hint("pay.example").contains("scheme://host"));
        assert!(hint("ftp://pay.example").contains("http or https"));
        assert!(hint("*").contains("wildcards"));
        assert!(hint("null").contains("wildcards"));
        assert!(hint("https://user@pay.example").contains("user name"));
        assert!(hint("https://pay.example:0").contains("port"));
        assert!(hint("https://pay.example:99999").contains("port"));
        assert!(hint("https://").contains("host is missing"));
        assert!(hint("https://pay example").contains("domain name"));
        assert!(hint("https://支付.example").contains("punycode"));
    }
}
