### Seeded mistake: the same id twice in one file.

quiz-next = Next question
quiz-finish = See my result
