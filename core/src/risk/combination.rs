//! Whether a combination rule is satisfied by the hits of an assessment, and where: one hit of
//! every group, no two overlapping — within `within` words of the first group's hit, or, for an
//! `ordered` rule, in the order written, each within `within` words of the one before.

use super::matcher::Hit;
use super::rules::{CombinationMeta, Target};
use super::TextSource;

/// Where combination `index` is satisfied, if it is: its first hit (memo preferred) and the
/// end of its last hit in the same text. Call only when every group matched somewhere.
pub(crate) fn satisfied<'h>(
    hits: &'h [Hit],
    index: u16,
    rule: &CombinationMeta,
) -> Option<(&'h Hit, u32)> {
    let group_of = |h: &Hit| match h.target {
        Target::Combination { rule, group } if rule == index => Some(usize::from(group)),
        _ => None,
    };
    let found = if rule.ordered {
        in_order(hits, rule, &group_of)
    } else {
        around_anchor(hits, rule, &group_of)
    };
    found.or_else(|| {
        // No distance and no order: every group matched, perhaps in different texts.
        (rule.within.is_none() && !rule.ordered)
            .then(|| {
                hits.iter()
                    .filter(|h| group_of(h) == Some(0))
                    .min_by_key(|h| h.source != TextSource::Memo)
                    .map(|h| (h, h.end))
            })
            .flatten()
    })
}

/// Words strictly between two hits of one view (0 when they touch or overlap).
fn words_between(a: &Hit, b: &Hit) -> u32 {
    if a.word_end < b.word_start {
        b.word_start - a.word_end - 1
    } else if b.word_end < a.word_start {
        a.word_start - b.word_end - 1
    } else {
        0
    }
}

fn same_view(a: &Hit, b: &Hit) -> bool {
    a.source == b.source && a.view == b.view
}

/// Unordered: an anchor of group 0 with a hit of every other group near it, in its view.
fn around_anchor<'h>(
    hits: &'h [Hit],
    rule: &CombinationMeta,
    group_of: &dyn Fn(&Hit) -> Option<usize>,
) -> Option<(&'h Hit, u32)> {
    // Two groups never share characters: `收` is not a verb inside `收款码`.
    let near = |a: &Hit, b: &Hit| {
        same_view(a, b)
            && (a.end <= b.start || b.end <= a.start)
            && rule
                .within
                .is_none_or(|within| words_between(a, b) <= within)
    };
    let mut best: Option<(&Hit, u32)> = None;
    for anchor in hits.iter().filter(|h| group_of(h) == Some(0)) {
        let mut first = anchor;
        let mut end = anchor.end;
        let complete = (1..rule.groups).all(|group| {
            let Some(partner) = hits
                .iter()
                .find(|h| group_of(h) == Some(group) && near(anchor, h))
            else {
                return false;
            };
            if partner.start < first.start {
                first = partner;
            }
            end = end.max(partner.end);
            true
        });
        if complete && prefer(best.map(|(h, _)| h), first) {
            best = Some((first, end));
        }
    }
    best
}

/// Ordered: a chain of hits, one per group in order, each after the one before (and within
/// `within` words of it).
fn in_order<'h>(
    hits: &'h [Hit],
    rule: &CombinationMeta,
    group_of: &dyn Fn(&Hit) -> Option<usize>,
) -> Option<(&'h Hit, u32)> {
    // For each hit that ends a chain of groups 0..=g: the chain's first hit.
    let mut chains: Vec<(&Hit, &Hit)> = hits
        .iter()
        .filter(|h| group_of(h) == Some(0))
        .map(|h| (h, h))
        .collect();
    for group in 1..rule.groups {
        let mut next = Vec::new();
        for hit in hits.iter().filter(|h| group_of(h) == Some(group)) {
            let from = chains.iter().find(|(last, _)| {
                same_view(last, hit)
                    && last.end <= hit.start
                    && rule
                        .within
                        .is_none_or(|within| words_between(last, hit) <= within)
            });
            if let Some(&(_, first)) = from {
                next.push((hit, first));
            }
        }
        if next.is_empty() {
            return None;
        }
        chains = next;
    }
    chains
        .into_iter()
        .map(|(last, first)| (first, last.end))
        .reduce(|a, b| if prefer(Some(a.0), b.0) { b } else { a })
}

/// Whether `candidate` is a better place to report than `current`: the memo over the payee's
/// name, then the earlier hit.
fn prefer(current: Option<&Hit>, candidate: &Hit) -> bool {
    match current {
        None => true,
        Some(current) => {
            let rank = |h: &Hit| (h.source != TextSource::Memo, h.view, h.start);
            rank(candidate) < rank(current)
        }
    }
}
