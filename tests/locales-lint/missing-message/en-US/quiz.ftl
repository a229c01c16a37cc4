### Seeded mistake: a message the translation lacks.

quiz-check = Check answer
quiz-next = Next question
quiz-finish = See my result
