### The warning interstitial and the blocked-transfer dialog.
### Variables are explained in a comment above each message that has them.

## Headline and explanation, one pair per category. The headline says what is probably
## happening; the body names the technique and what happens if the user goes on.

warning-title-otc-trading = This looks like buying or selling crypto through a dealer
warning-body-otc-trading = Dealers who swap USDT or bitcoin for bank transfers often pass on money stolen from fraud victims. Cards that receive or send it get frozen, and there is no legal protection: virtual-currency trading is illegal financial activity in mainland China.
warning-title-false-returns = This looks like a "guaranteed returns" scheme
warning-body-false-returns = Only scammers guarantee returns. Real investments can lose money; promises of fixed daily profits are how these schemes collect deposits before they disappear.
warning-title-flagged-payee = This payee is linked to crypto trading
warning-body-flagged-payee = Our risk team has seen this payee take part in over-the-counter crypto trading. Money sent to such accounts is often lost or frozen.
warning-title-generic = This transfer may be a scam
warning-body-generic = Something about this payment matches patterns seen in crypto scams. Money sent to a scammer usually cannot be recovered.

## Details of the transfer.

warning-payee-label = Payee
warning-amount-label = Amount
# Shown when the host gave no payee name.
warning-payee-unknown = Not given

## Actions. "Cancel" is the safe choice and comes first.

warning-cancel = Cancel transfer
warning-understand = I understand the risks
warning-proceed-hint = Only continue if you know this payee personally and nobody is telling you what to do.
warning-proceed = Send anyway
warning-learn = How does this scam work? Take a 1-minute quiz

## The blocked-transfer dialog.

blocked-title = This transfer can't be made
blocked-body = The payee's account is restricted from receiving payments because it is linked to illegal virtual-currency trading. Your money has not been sent.
blocked-acknowledge = OK, I understand
