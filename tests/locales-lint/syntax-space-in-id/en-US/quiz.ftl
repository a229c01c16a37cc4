### Seeded mistake: a space in a message id.

quiz-title = Spot the scam: 1-minute quiz
quiz-check = Check answer
