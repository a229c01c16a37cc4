### Seeded mistake: a misspelt id (obsolete here, missing there).

quiz-back = Back to the transfer
quiz-title = Spot the scam: 1-minute quiz
