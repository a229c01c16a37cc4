### Seeded mistake: a variable the comment does not explain.

# $score: questions answered correctly.
quiz-score = You got { $score } of { $total } right.
