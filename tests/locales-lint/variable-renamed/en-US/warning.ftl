### Seeded mistake: a misspelt variable.

# $amount: the transfer amount with its currency, formatted (¥1,234.50).
warning-amount-line = You are about to send { $amount }.
