### Seeded mistake: a message whose only text is an empty string.

warning-cancel = Cancel transfer
warning-proceed = Send anyway
