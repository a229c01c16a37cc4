### Seeded mistake: the translation kept the attribute but lost its text.

warning-learn = How does this scam work?
    .title = Take a 1-minute quiz
