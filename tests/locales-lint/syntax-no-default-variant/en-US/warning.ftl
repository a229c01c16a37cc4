### Seeded mistake: a select without a default (*) variant.

# $count: how many new payees the user paid today.
warning-new-payees = { $count ->
    [one] You paid one new payee today.
   *[other] You paid { $count } new payees today.
}
