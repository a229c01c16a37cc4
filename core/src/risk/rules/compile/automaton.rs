//! The automaton over every term and guard, chosen by the size of the pattern text.

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{dfa::DFA, nfa::noncontiguous, Input, MatchKind};

use super::super::RulesError;

/// The automaton over every distinct term and guard, searched with overlapping semantics.
///
/// A DFA for rule sets up to [`Automaton::DFA_MAX_BYTES`] of pattern text (the built-in rules
/// have about 17 KB): the fastest to search, and it links neither the dispatching
/// `AhoCorasick` type nor its other automata into the wasm. Above that, a DFA's construction
/// time and memory grow with patterns × alphabet (a 1 MB file: seconds and gigabytes), so a
/// noncontiguous NFA takes over: linear to build, slower to search. (The DFA is itself built
/// from that NFA, so it adds only its search to the wasm; a contiguous NFA measured 2.0 KB
/// gzip more.)
#[derive(Debug, Clone)]
pub(crate) enum Automaton {
    /// Built-in-sized rule sets.
    Dfa(DFA),
    /// Large rule sets.
    Nfa(noncontiguous::NFA),
}

impl Automaton {
    /// Most bytes of pattern text compiled into a DFA.
    pub(crate) const DFA_MAX_BYTES: usize = 64 * 1024;

    pub(super) fn build(texts: &[String]) -> Result<Automaton, RulesError> {
        let bytes: usize = texts.iter().map(String::len).sum();
        let failed = |e: aho_corasick::BuildError| {
            RulesError::at("keywords", format!("the terms cannot be compiled: {e}"))
        };
        if bytes <= Self::DFA_MAX_BYTES {
            DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(texts)
                .map(Automaton::Dfa)
                .map_err(failed)
        } else {
            noncontiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(texts)
                .map(Automaton::Nfa)
                .map_err(failed)
        }
    }

    /// Calls `found` with (pattern, start, end) of every match in `text`, overlapping.
    pub(crate) fn each_match(&self, text: &str, found: &mut dyn FnMut(usize, usize, usize)) {
        match self {
            Automaton::Dfa(a) => each_overlapping(a, text, found),
            Automaton::Nfa(a) => each_overlapping(a, text, found),
        }
    }
}

fn each_overlapping<A: aho_corasick::automaton::Automaton>(
    automaton: &A,
    text: &str,
    found: &mut dyn FnMut(usize, usize, usize),
) {
    let input = Input::new(text);
    let mut state = OverlappingState::start();
    loop {
        // A standard-semantics, unanchored automaton cannot fail an overlapping search; if
        // it ever did, the text would simply have no more matches.
        if automaton.try_find_overlapping(&input, &mut state).is_err() {
            return;
        }
        match state.get_match() {
            Some(m) => found(m.pattern().as_usize(), m.start(), m.end()),
            None => return,
        }
    }
}
