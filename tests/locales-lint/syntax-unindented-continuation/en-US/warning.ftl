### Seeded mistake: a continuation line that is not indented.

warning-proceed-hint = Only continue if you know this payee personally
    and nobody is telling you what to do.
warning-proceed = Send anyway
