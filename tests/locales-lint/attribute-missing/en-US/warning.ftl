### Seeded mistake: an attribute the translation lacks.

warning-learn = How does this scam work?
    .title = Take a 1-minute quiz
