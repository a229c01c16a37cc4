### The warning's frame: actions, the purpose question, the hint, the report link and the
### blocked-transfer dialog. Each category's own text is in categories.ftl.
### Variables are explained in a comment above each message that has them.

## Details of the transfer.

warning-payee-label = Payee
warning-amount-label = Amount
warning-time-label = Time
# Shown when the host gave no payee name.
warning-payee-unknown = Not given

## Actions. "Cancel" is the safe choice and comes first.

warning-cancel = Cancel transfer
warning-understand = I understand the risks
warning-proceed-hint = Only continue if you know this payee personally and nobody is telling you what to do.
warning-proceed = Send anyway
warning-learn = How does this scam work? Take a 1-minute quiz

## The purpose question, asked before a high-risk warning offers a way to proceed.

purpose-question = What is this payment for?
purpose-family-friends = Family or friends I know in person
purpose-goods-services = Goods or services
purpose-investment = An investment or a way to earn money
purpose-buying-crypto = Buying USDT, bitcoin or another virtual currency
purpose-unlock-fee = A fee, tax or deposit to unlock or withdraw money
purpose-other = Something else
guided-question = Is someone telling you what to do, by phone, chat or in person?
guided-yes = Yes
guided-no = No
purpose-continue = Continue
escalated-title = Stop: this is exactly how these scams work
escalated-body = Scammers coach their victims through payments like this one, and no real investment, seller or platform needs it. This transfer can't continue here. Hang up or leave the chat, and talk to someone you trust.

## The inline hint for low-risk transfers.

hint-title = Take a moment before you send
hint-dismiss = Got it

## "This warning is wrong".

report-wrong = This warning is wrong
report-thanks = Thank you. We'll review this warning. You can still cancel or continue.

## The blocked-transfer dialog.

blocked-title = This transfer can't be made
blocked-body = The payee's account is restricted from receiving payments because it is linked to illegal virtual-currency trading. Your money has not been sent.
blocked-acknowledge = OK, I understand
blocked-help = Get help or appeal
