//! How a quiz session is set up: which warning led to it, how long it is, its pass mark and
//! the seed that decides its questions and their order.

use super::QuizError;
use crate::risk::Category;

/// The fewest questions a session may have.
pub const MIN_LENGTH: usize = 5;
/// The most questions a session may have (about a minute's worth).
pub const MAX_LENGTH: usize = 7;
/// The number of questions unless configured otherwise.
pub const DEFAULT_LENGTH: usize = 6;
/// The score, in percent, a session must reach to pass unless configured otherwise.
pub const DEFAULT_PASS_PERCENT: u32 = 80;

/// The settings of one quiz session. Checked by [`QuizSession::new`](super::QuizSession::new).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuizConfig {
    /// The warning category that led to the quiz: at least half the questions (rounded up) are
    /// about it, the first one included. `None` spreads the questions across techniques.
    pub category: Option<Category>,
    /// How many questions: [`MIN_LENGTH`]`..=`[`MAX_LENGTH`], [`DEFAULT_LENGTH`] by default.
    pub length: usize,
    /// The score in percent needed to pass: 1..=100, [`DEFAULT_PASS_PERCENT`] by default.
    pub pass_percent: u32,
    /// Decides which questions are asked, in which order, and the order of their options: the
    /// same seed gives the same quiz. Supply fresh randomness (or the time) for each session.
    pub seed: u64,
}

impl Default for QuizConfig {
    fn default() -> Self {
        Self {
            category: None,
            length: DEFAULT_LENGTH,
            pass_percent: DEFAULT_PASS_PERCENT,
            seed: 0,
        }
    }
}

impl QuizConfig {
    /// The default length and pass mark, for `category`, shuffled by `seed`.
    pub fn new(category: Option<Category>, seed: u64) -> Self {
        Self {
            category,
            seed,
            ..Self::default()
        }
    }

    /// Checks the ranges: the length, then the pass mark.
    pub fn validate(&self) -> Result<(), QuizError> {
        if !(MIN_LENGTH..=MAX_LENGTH).contains(&self.length) {
            return Err(QuizError::InvalidLength(self.length));
        }
        if !(1..=100).contains(&self.pass_percent) {
            return Err(QuizError::InvalidPassPercent(self.pass_percent));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let config = QuizConfig::new(Some(Category::MoneyMule), 9);
        assert_eq!(
            (config.length, config.pass_percent, config.seed),
            (6, 80, 9)
        );
        assert_eq!(config.validate(), Ok(()));
    }

    #[test]
    fn out_of_range_settings_are_refused_with_a_clear_message() {
        for length in [0, 4, 8, 24] {
            let config = QuizConfig {
                length,
                ..QuizConfig::default()
            };
            assert_eq!(config.validate(), Err(QuizError::InvalidLength(length)));
        }
        for length in MIN_LENGTH..=MAX_LENGTH {
            let config = QuizConfig {
                length,
                ..QuizConfig::default()
            };
            assert_eq!(config.validate(), Ok(()));
        }
        for percent in [0, 101] {
            let config = QuizConfig {
                pass_percent: percent,
                ..QuizConfig::default()
            };
            assert_eq!(
                config.validate(),
                Err(QuizError::InvalidPassPercent(percent))
            );
        }
        assert_eq!(
            QuizError::InvalidLength(9).to_string(),
            "a quiz has 5 to 7 questions, not 9"
        );
        assert_eq!(
            QuizError::InvalidPassPercent(0).to_string(),
            "the pass mark is a percentage from 1 to 100, not 0"
        );
    }
}
