//! Wallet addresses and fragments of them, read from the memo as typed (case matters in
//! base58): TRON `T…` (34), EVM `0x` + 40 hex, Bitcoin `bc1…` and `1…`/`3…`, Solana-style
//! base58 (32–44, mixed case and digits); fragments such as `TQ8s…Vm3` or `0x3f9a...c21e`.

/// What was found, as ASCII tokens of the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// A whole address.
    Address(&'a str),
    /// The first visible part of a shortened address.
    Fragment(&'a str),
}

/// Calls `emit` for every address and fragment in `raw`.
pub(crate) fn detect<'a>(raw: &'a str, emit: &mut dyn FnMut(Found<'a>)) {
    // The token before, if it was not a whole address: the head of a possible fragment.
    let mut head: Option<(usize, usize)> = None;
    for (start, end) in tokens(raw) {
        let token = &raw[start..end];
        // `head…tail`, `head...tail`, `head***tail`: an elision right after the head.
        if let Some((head_start, head_end)) = head {
            let head_token = &raw[head_start..head_end];
            if is_elision(&raw[head_end..start]) && is_fragment(head_token, token) {
                emit(Found::Fragment(head_token));
            }
        }
        head = if is_address(token) {
            emit(Found::Address(token));
            None
        } else {
            Some((start, end))
        };
    }
}

/// Runs of ASCII letters and digits, with their byte ranges.
fn tokens(raw: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = raw.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        Some((start, at))
    })
}

fn is_base58(b: u8) -> bool {
    b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l')
}

fn is_bech32(b: u8) -> bool {
    let b = b.to_ascii_lowercase();
    (b.is_ascii_lowercase() || b.is_ascii_digit()) && !matches!(b, b'1' | b'b' | b'i' | b'o')
}

fn count(token: &str, f: impl Fn(&u8) -> bool) -> usize {
    token.bytes().filter(|b| f(b)).count()
}

/// Mixed case and digits, as random base58 almost always is and words and order numbers are
/// not.
fn looks_random(token: &str, least_each: usize) -> bool {
    count(token, u8::is_ascii_uppercase) >= least_each
        && count(token, u8::is_ascii_lowercase) >= least_each
        && count(token, u8::is_ascii_digit) >= 1
}

/// A whole address of one of the common chains.
pub(crate) fn is_address(token: &str) -> bool {
    let b = token.as_bytes();
    let len = b.len();
    let all = |f: fn(u8) -> bool| b.iter().all(|&c| f(c));
    if len == 42 && (token.starts_with("0x") || token.starts_with("0X")) {
        return b[2..].iter().all(u8::is_ascii_hexdigit);
    }
    if len == 34 && b[0] == b'T' && all(is_base58) {
        return looks_random(token, 2);
    }
    if (len == 42 || len == 62) && token.len() > 3 && token[..3].eq_ignore_ascii_case("bc1") {
        let body = &b[3..];
        let one_case = body.iter().all(|c| !c.is_ascii_uppercase())
            || body.iter().all(|c| !c.is_ascii_lowercase());
        return one_case && body.iter().all(|&c| is_bech32(c));
    }
    if (26..=35).contains(&len) && matches!(b[0], b'1' | b'3') && all(is_base58) {
        return looks_random(token, 3);
    }
    (32..=44).contains(&len) && all(is_base58) && looks_random(token, 4)
}

fn is_elision(between: &str) -> bool {
    let trimmed = between.trim();
    matches!(
        trimmed,
        "…" | "……" | "..." | "...." | "**" | "***" | "****" | ".."
    )
}

/// The visible head and tail of a shortened address: a chain's prefix on the head, or base58
/// on both sides with a digit somewhere.
fn is_fragment(head: &str, tail: &str) -> bool {
    let part = |s: &str| (3..=12).contains(&s.len()) && s.bytes().all(is_base58);
    let hexy = |s: &str| (3..=12).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_hexdigit());
    if let Some(rest) = head.strip_prefix("0x").or_else(|| head.strip_prefix("0X")) {
        return rest.len() >= 2 && rest.bytes().all(|c| c.is_ascii_hexdigit()) && hexy(tail);
    }
    let has_digit = head.bytes().chain(tail.bytes()).any(|c| c.is_ascii_digit());
    let chain_prefix = head.starts_with('T') || head.to_ascii_lowercase().starts_with("bc1");
    part(head) && part(tail) && has_digit && (chain_prefix || head.len() + tail.len() >= 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(raw: &str) -> Vec<Found<'_>> {
        let mut out = Vec::new();
        detect(raw, &mut |f| out.push(f));
        out
    }

    #[test]
    fn whole_addresses_of_common_chains() {
        for address in [
            "TQ8sXn4Vm3rK9pLw2YbZcJ7hF5dGt1aEuA",
            "0x3f9a2b4c5d6e7f8091a2b3c4d5e6f708192ac21e",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
        ] {
            assert_eq!(
                found(&format!("打到 {address} 谢谢")),
                [Found::Address(address)],
                "{address}"
            );
        }
    }

    #[test]
    fn fragments() {
        assert_eq!(found("打到TQ8s…Vm3那个"), [Found::Fragment("TQ8s")]);
        assert_eq!(
            found("0x3f9a...c21e 打这个地址"),
            [Found::Fragment("0x3f9a")]
        );
        assert!(found("Thanks...see you").is_empty());
        assert!(found("第3...4期").is_empty());
    }

    #[test]
    fn order_numbers_and_words_are_not_addresses() {
        for text in [
            "订单号 SF1234567890123456789012345678",
            "ZB2026-118",
            "12345678901234567890123456789012",
            "Transferforthebirthdaypartyandgiftsthanks",
            "0x1F600",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
