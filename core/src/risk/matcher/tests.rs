use super::*;
use crate::risk::normalize::{CharMap, Normalizer};
use crate::risk::rules::TermSpec;

fn view(text: &str) -> TextView {
    let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
    let mut scratch = Scratch::default();
    n.views_into(text, &mut scratch);
    scratch.plain
}

fn spec() -> TermSpec {
    TermSpec::default()
}

fn at(view: &TextView, pattern: &str) -> (usize, usize) {
    let start = view.text.find(pattern).expect("pattern in view");
    (start, start + pattern.len())
}

fn matches(text: &str, pattern: &str, spec: &TermSpec) -> bool {
    let v = view(text);
    let (s, e) = at(&v, pattern);
    counts(&v, s, e, spec)
}

#[test]
fn latin_edges_need_word_boundaries() {
    assert!(matches("buy eth now", "eth", &spec()));
    assert!(!matches("ethernet", "eth", &spec()));
    assert!(!matches("method", "eth", &spec()));
    assert!(matches("5btc", "btc", &spec()));
    assert!(matches("收eth", "eth", &spec()));
    let open = TermSpec {
        open_end: true,
        ..spec()
    };
    assert!(matches("airdrops", "airdrop", &open));
}

#[test]
fn spelled_out_letters_join_but_words_do_not() {
    assert!(matches("U S D T", "usdt", &spec()));
    assert!(matches("u-s-d-t", "usdt", &spec()));
    assert!(!matches("plus DT", "usdt", &spec()));
    assert!(!matches("USD T-bills", "usdt", &spec()));
    assert!(!matches("I co-signed", "ico", &spec()));
    assert!(matches("比.特.币", "比特币", &spec()));
    assert!(matches("收 U", "收u", &spec()));
}

#[test]
fn declared_joins_accept_gaps() {
    let joined = TermSpec {
        joins: vec![10],
        ..spec()
    };
    assert!(matches("guaranteed return", "guaranteedreturn", &joined));
    assert!(!matches("guaranteed return", "guaranteedreturn", &spec()));
}

#[test]
fn standalone_needs_chinese_and_no_latin_neighbours() {
    let alone = TermSpec {
        standalone: true,
        ..spec()
    };
    for text in ["收你的U，按7.18算", "U 500个", "换点U"] {
        let v = view(text);
        let s = v.text.find('u').expect("u");
        assert!(counts(&v, s, s + 1, &alone), "{text}");
    }
    for text in ["thank u", "给 you", "U3手机", "for u 谢谢"] {
        let v = view(text);
        let s = v.text.find('u').expect("u");
        assert!(!counts(&v, s, s + 1, &alone), "{text}");
    }
}

#[test]
fn after_number_needs_a_number() {
    let unit = TermSpec {
        after_number: true,
        ..spec()
    };
    for text in ["1000u", "1,000 U", "5k u", "五百u"] {
        let v = view(text);
        let s = v.text.rfind('u').expect("u");
        assert!(counts(&v, s, s + 1, &unit), "{text}");
    }
    for text in ["4 u", "thank u", "u"] {
        let v = view(text);
        let s = v.text.rfind('u').expect("u");
        assert!(!counts(&v, s, s + 1, &unit), "{text}");
    }
}
