### Seeded mistake: the same id in two files of one locale.

quiz-back = Back to the transfer
