### Seeded mistake: a message with nothing after `=`.

warning-cancel = Cancel transfer
warning-proceed = Send anyway
