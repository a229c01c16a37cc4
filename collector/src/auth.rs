//! The optional bearer token that `POST /v1/events` requires when the collector is configured
//! with one (`--token` / `RISKGUARD_TOKEN`).
//!
//! The token is compared in constant time and never logged: [`BearerToken`]'s `Debug` prints
//! a placeholder, and refusals are logged by reason only.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::Json;
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::request_log::rejected;
use crate::MAX_BODY_BYTES;

/// A shared secret that clients send as `Authorization: Bearer <token>`.
///
/// It must be 1 to 4096 visible ASCII characters (no spaces), as an HTTP header value allows.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// Checks and wraps a token.
    ///
    /// # Errors
    ///
    /// When the token is empty, too long, or holds spaces, control or non-ASCII characters.
    pub fn new(token: impl Into<String>) -> Result<Self, InvalidToken> {
        let token = token.into();
        if token.is_empty() {
            return Err(InvalidToken("the token is empty"));
        }
        if token.len() > 4096 {
            return Err(InvalidToken("the token is longer than 4096 characters"));
        }
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(InvalidToken(
                "the token may only hold visible ASCII characters (no spaces)",
            ));
        }
        Ok(BearerToken(token))
    }

    /// Whether `candidate` is this token, in time that does not depend on where they differ.
    /// (A different length is refused at once: the length is not the secret.)
    pub fn matches(&self, candidate: &[u8]) -> bool {
        self.0.as_bytes().ct_eq(candidate).into()
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

impl FromStr for BearerToken {
    type Err = InvalidToken;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BearerToken::new(s)
    }
}

/// Why a string cannot be a [`BearerToken`]; the message never quotes the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid bearer token: {0}")]
pub struct InvalidToken(&'static str);

/// Why a request was not let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// No `Authorization` header, or another scheme than Bearer.
    Missing,
    /// A bearer token that is not the configured one.
    Invalid,
}

/// Reads the bearer credentials of `headers` and compares them with `token`.
fn check(headers: &HeaderMap, token: &BearerToken) -> Result<(), Refusal> {
    let value = headers.get(AUTHORIZATION).ok_or(Refusal::Missing)?;
    let value = value.as_bytes();
    // `Bearer` is case-insensitive (RFC 7235 §2.1); one or more spaces follow it.
    let scheme_len = "Bearer".len();
    if value.len() <= scheme_len
        || !value[..scheme_len].eq_ignore_ascii_case(b"Bearer")
        || value[scheme_len] != b' '
    {
        return Err(Refusal::Missing);
    }
    let credentials = value[scheme_len..].trim_ascii();
    if token.matches(credentials) {
        Ok(())
    } else {
        Err(Refusal::Invalid)
    }
}

/// Middleware: answers 401 unless the request carries the configured bearer token.
pub(crate) async fn require_bearer(
    State(token): State<Arc<BearerToken>>,
    request: Request,
    next: Next,
) -> Response {
    match check(request.headers(), &token) {
        Ok(()) => next.run(request).await,
        Err(refusal) => {
            // Read (and drop) the body first, up to the usual limit: answering before the
            // client has sent it makes HTTP/1.1 reset the connection, and the client would see
            // a network error instead of the 401.
            let _ = axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES).await;
            unauthorized(refusal)
        }
    }
}

/// The 401 answer: `WWW-Authenticate: Bearer` (with `error="invalid_token"` for a wrong
/// token, as RFC 6750 §3 says) and a JSON error for people reading it.
fn unauthorized(refusal: Refusal) -> Response {
    let (challenge, message, reason) = match refusal {
        Refusal::Missing => (
            r#"Bearer realm="riskguard""#,
            "this collector needs a bearer token: send `Authorization: Bearer <token>`",
            "missing_token",
        ),
        Refusal::Invalid => (
            r#"Bearer realm="riskguard", error="invalid_token""#,
            "the bearer token is not valid",
            "invalid_token",
        ),
    };
    let mut response = rejected(
        StatusCode::UNAUTHORIZED,
        Json(json!({ "error": message })),
        reason,
    );
    response
        .headers_mut()
        .insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(authorization: &[u8]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_bytes(authorization).expect("header value"),
        );
        headers
    }

    #[test]
    fn tokens_are_checked_when_made() {
        assert!(BearerToken::new("s3cr3t-T0ken_~+/=").is_ok());
        assert!(BearerToken::new("").is_err());
        assert!(BearerToken::new("has space").is_err());
        assert!(BearerToken::new("tab\there").is_err());
        assert!(BearerToken::new("ünïcode").is_err());
        assert!(BearerToken::new("x".repeat(4097)).is_err());
    }

    #[test]
    fn debug_never_shows_the_token() {
        let token = BearerToken::new("very-secret").expect("valid");
        assert!(!format!("{token:?}").contains("very-secret"));
        assert!(!format!("{:?}", Some(token)).contains("very-secret"));
    }

    #[test]
    fn only_the_bearer_scheme_with_the_exact_token_passes() {
        let token = BearerToken::new("abc123").expect("valid");
        assert_eq!(check(&headers(b"Bearer abc123"), &token), Ok(()));
        assert_eq!(check(&headers(b"bearer abc123"), &token), Ok(()));
        assert_eq!(check(&headers(b"BEARER   abc123 "), &token), Ok(()));
        assert_eq!(check(&HeaderMap::new(), &token), Err(Refusal::Missing));
        assert_eq!(
            check(&headers(b"Basic abc123"), &token),
            Err(Refusal::Missing)
        );
        assert_eq!(check(&headers(b"Bearer"), &token), Err(Refusal::Missing));
        assert_eq!(
            check(&headers(b"Bearerabc123"), &token),
            Err(Refusal::Missing)
        );
        assert_eq!(check(&headers(b"Bearer "), &token), Err(Refusal::Invalid));
        assert_eq!(
            check(&headers(b"Bearer abc1234"), &token),
            Err(Refusal::Invalid)
        );
        assert_eq!(
            check(&headers(b"Bearer abc12"), &token),
            Err(Refusal::Invalid)
        );
        assert_eq!(
            check(&headers(b"Bearer ABC123"), &token),
            Err(Refusal::Invalid)
        );
    }
}
