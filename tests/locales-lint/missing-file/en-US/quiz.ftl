### Seeded mistake: a file the translation lacks.

quiz-back = Back to the transfer
