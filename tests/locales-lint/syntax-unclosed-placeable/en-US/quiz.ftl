### Seeded mistake: a placeable that is not closed.

# $current: number of the question on screen; $total: questions in the quiz.
quiz-progress = Question { $current } of { $total }
quiz-check = Check answer
