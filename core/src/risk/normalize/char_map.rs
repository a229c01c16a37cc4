//! `CharMap`: a small sorted character-to-character table, the shape of every mapping the
//! rules file supplies (Traditional → Simplified, look-alike letters, substitutions).

/// A one-to-one character mapping, looked up by binary search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharMap {
    pairs: Vec<(char, char)>,
}

impl CharMap {
    /// Builds a map from `(from, to)` pairs. When a `from` repeats, the last pair wins.
    pub fn new(pairs: impl IntoIterator<Item = (char, char)>) -> Self {
        let mut pairs: Vec<(char, char)> = pairs.into_iter().collect();
        // Stable sort, then keep the last of equal keys.
        pairs.sort_by_key(|&(from, _)| from);
        let mut deduped: Vec<(char, char)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match deduped.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => deduped.push(pair),
            }
        }
        Self { pairs: deduped }
    }

    /// What `c` maps to, if anything.
    pub fn get(&self, c: char) -> Option<char> {
        self.pairs
            .binary_search_by_key(&c, |&(from, _)| from)
            .ok()
            .map(|index| self.pairs[index].1)
    }

    /// Whether `c` is mapped.
    pub fn contains(&self, c: char) -> bool {
        self.get(c).is_some()
    }

    /// `c` mapped, or `c` itself.
    pub fn apply(&self, c: char) -> char {
        self.get(c).unwrap_or(c)
    }

    /// Number of mapped characters.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The `(from, to)` pairs in `from` order.
    pub fn iter(&self) -> impl Iterator<Item = (char, char)> + '_ {
        self.pairs.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_and_last_pair_wins() {
        let map = CharMap::new([('幣', '币'), ('穩', '稳'), ('幣', 'x')]);
        assert_eq!(map.get('幣'), Some('x'));
        assert_eq!(map.apply('穩'), '稳');
        assert_eq!(map.apply('a'), 'a');
        assert_eq!(map.len(), 2);
    }
}
