### Seeded mistake: a closing brace without its opening brace.

quiz-correct = Correct.
quiz-incorrect = Not quite.
