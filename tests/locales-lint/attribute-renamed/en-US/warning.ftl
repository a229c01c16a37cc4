### Seeded mistake: a misspelt attribute name.

report-wrong = This warning is wrong
    .aria-label = Tell us this warning is wrong
