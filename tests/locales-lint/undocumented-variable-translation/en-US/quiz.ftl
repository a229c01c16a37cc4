### Seeded mistake: the translation's comment does not explain a variable.

# $current: number of the question on screen; $total: questions in the quiz.
quiz-progress = Question { $current } of { $total }
