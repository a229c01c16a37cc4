### Seeded mistake: a file saved in GB18030, not UTF-8.

quiz-back = Back to the transfer
