### The educational quiz.

quiz-title = Spot the scam: 1-minute quiz
# $current: number of the question on screen (1-based); $total: questions in the quiz.
quiz-progress = Question { $current } of { $total }
quiz-check = Check answer
quiz-next = Next question
quiz-finish = See my result
quiz-correct = Correct.
quiz-incorrect = Not quite.
# $score: questions answered correctly; $total: questions in the quiz.
quiz-score = You got { $score } of { $total ->
    [one] { $total } question
   *[other] { $total } questions
} right.
quiz-passed = Well done: you know these tricks.
quiz-failed = Worth another look: these tricks work on careful people too.
quiz-back = Back to the transfer

## The answers of every true/false question.

quiz-answer-true = True
quiz-answer-false = False

## The small label above a question, by kind.

quiz-kind-single-choice = Choose one
quiz-kind-true-false = True or false
quiz-kind-spot-the-red-flag = Spot the red flag

## The summary and retries.

# Accessible label of the box showing the fake ad or message of a spot-the-red-flag question.
quiz-scenario-label = The message
# $count: questions answered wrongly in the attempt just finished (1 or more).
quiz-retry = { $count ->
    [one] Try the missed question again
   *[other] Try the { $count } missed questions again
}
quiz-learned-title = Tricks you can now spot
# $percent: the score needed to pass, in percent (for example 80).
quiz-pass-mark = Pass mark: { $percent }%
# Closes a quiz that was started on its own (not from a warning).
quiz-done = Done
# $attempt: 1 for the first run, 2 for the first retry of the missed questions, and so on.
quiz-attempt = Attempt { $attempt }

## The techniques the quiz teaches: a short name, and the one sentence to take away.

quiz-technique-guaranteed-returns = Guaranteed returns
quiz-technique-guaranteed-returns-lesson = Every real investment can lose money: a promise that it cannot is the bait.
quiz-technique-fake-authority = Fake officials and famous names
quiz-technique-fake-authority-lesson = Police, customer service and celebrities never ask you to move money or invest by phone or chat: hang up and call an official number yourself.
quiz-technique-social-proof = Fake crowds
quiz-technique-social-proof-lesson = A group full of winners and screenshots is easy to fake: the crowd may be one scammer with many accounts.
quiz-technique-urgency = Urgency and scarcity
quiz-technique-urgency-lesson = Pressure to act now is there to stop you checking: a real offer survives a pause.
quiz-technique-unlock-fee = Paying to get your money out
quiz-technique-unlock-fee-lesson = If you have to pay before you can withdraw, the money is already gone: don't pay again.
quiz-technique-recovery-scam = Recovery scams
quiz-technique-recovery-scam-lesson = Nobody who finds you after a loss can get your money back for a fee: go to the police and your bank yourself.
quiz-technique-otc-dealing = Private USDT deals
quiz-technique-otc-dealing-lesson = Money from a private USDT deal may be stolen, and every card it passes through can be frozen.
quiz-technique-account-renting = Renting out your account
quiz-technique-account-renting-lesson = Lend or rent out your account to move other people's money, and you are the one held responsible for it.
quiz-technique-romance-investment = Romance and investment tips
quiz-technique-romance-investment-lesson = When someone you have only met online brings up investing, the relationship is the scam.

## Questions. Each has a prompt, for spot-the-red-flag questions the fake ad or message
## (scenario), its options in order (none for true/false: they use quiz-answer-true and
## quiz-answer-false) and an explanation shown after answering.

## Guaranteed returns.

quiz-guaranteed-returns-prompt = An "investment mentor" promises 3% a day, guaranteed. What does "guaranteed" tell you?
quiz-guaranteed-returns-option-1 = It is a red flag: only scammers guarantee returns
quiz-guaranteed-returns-option-2 = It is safe, because the promise is in writing
quiz-guaranteed-returns-option-3 = It is fine if friends already made money
quiz-guaranteed-returns-explain = Every real investment can lose money. A guarantee of high, fixed returns is the bait; early "profits" paid to friends are part of the trap.

quiz-mining-daily-income-prompt = Which trick is this ad using?
quiz-mining-daily-income-scenario = Cloud mining contract: invest 10,000 yuan and earn a fixed 150 USDT every day. Our machines run around the clock. Zero risk, and your full principal back at the end of the term.
quiz-mining-daily-income-option-1 = A fake crowd: everyone else is already in
quiz-mining-daily-income-option-2 = Guaranteed returns: a fixed daily profit with zero risk
quiz-mining-daily-income-option-3 = A fee before you can withdraw
quiz-mining-daily-income-explain = A fixed income with "zero risk" is the hook: mining earnings rise and fall with coin prices and costs, so no honest operator can promise them. Early payouts usually come from newer investors' money.

quiz-written-guarantee-prompt = If a signed contract guarantees the returns, your money is safe.
quiz-written-guarantee-explain = False. A scam platform's contract is just another prop: it costs nothing to print, and nobody will honour it once the platform disappears.

## Fake officials and famous names.

quiz-celebrity-token-prompt = Which trick is this ad using?
quiz-celebrity-token-scenario = Exclusive interview: a famous entrepreneur reveals he put his own money into the XX Coin presale. "The chance of the decade," he says. Tap the link to buy at the early-bird price.
quiz-celebrity-token-option-1 = A famous name borrowed to win your trust
quiz-celebrity-token-option-2 = A fee before you can withdraw
quiz-celebrity-token-option-3 = Renting out your account
quiz-celebrity-token-explain = Scammers fake interviews, videos and quotes from famous people, who never asked you to buy anything. A face you trust tells you nothing about the coin.

quiz-police-safe-account-prompt = A caller says he is a police officer: your account is linked to a money-laundering case, and to clear your name you must move your savings to a "safe account". What do you do?
quiz-police-safe-account-option-1 = Transfer quickly, so the case is closed
quiz-police-safe-account-option-2 = Transfer, but only after seeing his police ID on a video call
quiz-police-safe-account-option-3 = Hang up, and call the police yourself on a number you look up
quiz-police-safe-account-explain = Police never ask anyone to move money into a "safe account": no such thing exists. A uniform or an ID on a video call is easy to fake; the authority is the disguise.

quiz-customer-service-refund-prompt = Which trick is this message using?
quiz-customer-service-refund-scenario = Hello, this is customer service. The item you bought has a quality problem and we will refund you double. Please install our meeting app and share your screen, and I will guide you through the refund step by step.
quiz-customer-service-refund-option-1 = A fake crowd: everyone else is already in
quiz-customer-service-refund-option-2 = Posing as someone official you would trust
quiz-customer-service-refund-option-3 = Romance and investment tips
quiz-customer-service-refund-explain = Fake customer service borrows the authority of a platform you use. Real refunds go back the way you paid; they never need screen sharing, a transfer or a verification code.

quiz-mining-certificate-prompt = A cloud-mining app shows a certificate with a government seal and the words "strategic partner of a state-owned company". What does that prove?
quiz-mining-certificate-option-1 = That the app is approved and safe
quiz-mining-certificate-option-2 = Nothing: seals and logos are easy to fake, and borrowed authority is an old trick
quiz-mining-certificate-option-3 = That the state guarantees your returns
quiz-mining-certificate-explain = Certificates, seals and big partners' logos cost scammers nothing to copy. In mainland China, crypto mining and trading businesses are not allowed at all, so no real authority stands behind them.

## Fake crowds.

quiz-group-screenshots-prompt = Which trick is this chat using?
quiz-group-screenshots-scenario = Group chat, 300 members. Member A: Followed the teacher again today, up 3,800! [screenshot] Member B: My withdrawal arrived, thank you teacher! Member C: Just joined, how do I copy the trades?
quiz-group-screenshots-option-1 = A recovery service
quiz-group-screenshots-option-2 = A private USDT deal
quiz-group-screenshots-option-3 = A fake crowd: many "winners" to make you follow
quiz-group-screenshots-explain = In these groups most "members" are the scammers' own accounts or paid helpers, and a screenshot takes seconds to edit. However loud the crowd, it tells you nothing about whether you can get your money out.

quiz-mining-referral-prompt = Your cousin earns every day on a mining app, gets a bonus for each person he signs up, and has even withdrawn some money. Does that prove it is real?
quiz-mining-referral-option-1 = Yes: my cousin would not lie to me
quiz-mining-referral-option-2 = Yes: a withdrawal means the money is real
quiz-mining-referral-option-3 = No: small early payouts and sign-up bonuses are how these schemes recruit
quiz-mining-referral-explain = Schemes let early members withdraw small sums, paid from newer members' deposits, so that they bring in friends and family. Your cousin is more likely a victim than proof.

quiz-profit-screenshots-prompt = If hundreds of people in a group post profit screenshots, the platform is probably real.
quiz-profit-screenshots-explain = False. Screenshots are easy to fake, and one scammer can run hundreds of accounts. The crowd is part of the stage set.

## Urgency and scarcity.

quiz-act-now-prompt = "Only 2 places left, pay within 10 minutes!" What is this message doing?
quiz-act-now-option-1 = Telling you the offer is popular and legitimate
quiz-act-now-option-2 = Giving you useful information about prices
quiz-act-now-option-3 = Pressuring you so that you do not stop to check
quiz-act-now-explain = Urgency and scarcity are pressure tactics. A real opportunity will still be there after you have talked to someone you trust.

quiz-airdrop-countdown-prompt = Which trick is this message using?
quiz-airdrop-countdown-scenario = Congratulations! Your wallet has received an airdrop of 5,000 XX tokens. The claim window closes in 30 minutes and unclaimed tokens are lost. Connect your wallet now to claim them.
quiz-airdrop-countdown-option-1 = A countdown, so you act before you think
quiz-airdrop-countdown-option-2 = A fake crowd: everyone else is already in
quiz-airdrop-countdown-option-3 = Romance and investment tips
quiz-airdrop-countdown-explain = A countdown is there to stop you checking. Connecting your wallet to a stranger's site in a hurry is how wallets get emptied; a real gift can wait while you ask someone.

quiz-time-to-check-prompt = A real bank, police officer or investment will still be there if you hang up and check first.
quiz-time-to-check-explain = True. Only a scam needs you to act before you can think or talk to anyone. When someone insists there is no time to check, that is your reason to check.

## Paying to get your money out.

quiz-withdrawal-tax-prompt = A platform can ask you to pay a "tax" or "unlock fee" before you withdraw your profits.
quiz-withdrawal-tax-explain = False. Legitimate platforms deduct fees from the balance. Being asked to pay first is how scammers take one more payment before vanishing.

quiz-airdrop-gas-fee-prompt = You have "won" an airdrop worth 20,000 yuan. To claim it, you must first send 500 yuan of "gas fee" to an address they give you. What is going on?
quiz-airdrop-gas-fee-option-1 = A normal blockchain cost
quiz-airdrop-gas-fee-option-2 = An advance fee: the airdrop is the bait, the fee is the scam
quiz-airdrop-gas-fee-option-3 = Proof that the airdrop is valuable
quiz-airdrop-gas-fee-explain = Real gas fees come out of your own wallet when you send a transaction, never as a payment to someone's address. Pay this one and another fee follows, until you stop paying.

quiz-frozen-account-deposit-prompt = Which trick is this message using?
quiz-frozen-account-deposit-scenario = System notice: your account has been frozen for irregular activity and your withdrawal has failed. Pay a deposit of 20% of your balance to unfreeze it, then withdraw in full.
quiz-frozen-account-deposit-option-1 = A fake crowd: everyone else is already in
quiz-frozen-account-deposit-option-2 = Renting out your account
quiz-frozen-account-deposit-option-3 = A fee before you can get your money out
quiz-frozen-account-deposit-explain = "Deposits", "unfreezing fees" and "taxes" are how a fake platform takes one more payment. A real platform deducts fees from your balance; if you must pay to withdraw, the balance was never real.

## Recovery scams.

quiz-recovery-agency-prompt = Which trick is this message using?
quiz-recovery-agency-scenario = Saw your post about being scammed. We are a professional recovery team working with the cyber police, and we have got losses back for over 300 people. Pay 10% up front and the rest once your money is back.
quiz-recovery-agency-option-1 = A recovery scam: a promise to get your money back, for a fee
quiz-recovery-agency-option-2 = A private USDT deal
quiz-recovery-agency-option-3 = Romance and investment tips
quiz-recovery-agency-explain = Scammers target people who have just lost money, often from lists of their own victims. Nobody can reverse a crypto transfer for a fee; only the police and your bank can help, and they do not charge.

quiz-recovery-upfront-fee-prompt = Someone who contacts you offering to recover money you lost to a scam, for a fee paid first, is most likely running another scam.
quiz-recovery-upfront-fee-explain = True. Being scammed once puts you on scammers' lists, and "recovery" is the second bite. Report losses to the police yourself; they never ask for a fee.

quiz-who-can-recover-prompt = You have lost money to a fake investment platform. Who can really help?
quiz-who-can-recover-option-1 = A "hacker" who can reverse blockchain transfers for a fee
quiz-who-can-recover-option-2 = The police and your bank, on numbers you look up yourself
quiz-who-can-recover-option-3 = A recovery firm that found you online
quiz-who-can-recover-explain = Anyone who finds you after a loss and asks for money first is after more of it. Report to the police and your bank quickly, calling numbers you found yourself.

## Private USDT deals.

quiz-otc-frozen-card-prompt = A dealer offers you USDT below the market price if you pay by bank transfer. What is the biggest risk?
quiz-otc-frozen-card-option-1 = None: USDT is a stable coin
quiz-otc-frozen-card-option-2 = The money may come from fraud victims, and your card can be frozen
quiz-otc-frozen-card-option-3 = Only a small exchange fee
quiz-otc-frozen-card-explain = Dealers use bank transfers to launder money from scams. When a victim reports it, every card the money touched can be frozen, and you have no legal protection.

quiz-usdt-dealer-ad-prompt = Which red flag is in this ad?
quiz-usdt-dealer-ad-scenario = USDT exchange, buying and selling. 3% below exchange prices, pay by bank card or payment app, coins in seconds. Better rates for large amounts.
quiz-usdt-dealer-ad-option-1 = A recovery service
quiz-usdt-dealer-ad-option-2 = Cheap USDT for a bank transfer: the money may be stolen
quiz-usdt-dealer-ad-option-3 = Romance and investment tips
quiz-usdt-dealer-ad-explain = The discount is paid for with risk that you carry: a dealer's money often comes from fraud victims. When they report it, your card is frozen, and in mainland China crypto deals have no legal protection.

quiz-selling-usdt-freeze-prompt = Selling your USDT to a stranger for a bank transfer can get your card frozen, even if you did nothing else wrong.
quiz-selling-usdt-freeze-explain = True. Buyers often pay with money stolen from fraud victims, which makes your card a link in the laundering chain. Police freeze every account the money passed through.

## Renting out your account.

quiz-rent-account-prompt = Which red flag is in this ad?
quiz-rent-account-scenario = Part-time job: rent out your idle payment account or bank card, and we use it to receive and send payments for our platform. Earn 300 to 800 yuan a day without spending a cent. Quit any time.
quiz-rent-account-option-1 = A fee before you can withdraw
quiz-rent-account-option-2 = Renting out your account: you become the money mule
quiz-rent-account-option-3 = Posing as someone official you would trust
quiz-rent-account-explain = Nobody pays 300 yuan a day for an idle account unless the money moving through it is dirty. The account is in your name, so the frozen cards, the fines and the criminal case are yours too.

quiz-arbitrage-brick-prompt = An "arbitrage" job: buyers pay into your bank card, you buy USDT and pass it on, and you keep 1%. What are you really doing?
quiz-arbitrage-brick-option-1 = Risk-free arbitrage
quiz-arbitrage-brick-option-2 = Moving other people's money, often stolen, through your account
quiz-arbitrage-brick-option-3 = An ordinary part-time job
quiz-arbitrage-brick-explain = Calling it "arbitrage" hides what it is: your account turns victims' money into hard-to-trace USDT. That is money laundering, and the account holder answers for it.

quiz-lend-account-prompt = Lending your bank card or payment account to a friend "just to receive a few payments" is harmless if you never touch the money.
quiz-lend-account-explain = False. Whatever passes through your account is on your record: if it is fraud money, your account is restricted and you can be held responsible. A real friend has an account of their own.

## Romance and investment tips.

quiz-romance-tip-prompt = Which trick is this message using?
quiz-romance-tip-scenario = From someone you met online two weeks ago: Darling, my uncle works on the data team of an exchange. This platform moves every evening at 8, and I have already made 200,000. Top up 5,000 to try, I will guide you. It is for our future.
quiz-romance-tip-option-1 = A recovery service
quiz-romance-tip-option-2 = Renting out your account
quiz-romance-tip-option-3 = Romance used to steer you into an investment
quiz-romance-tip-explain = This is "pig butchering": weeks of affection build trust, then "inside tips" steer you to a fake platform that shows profits until you try to withdraw. Someone you have never met asking you to invest is the red flag.

quiz-romance-platform-prompt = An online friend you have never met shows you big profits on a trading app and helps you get started. Your first small withdrawal works. What usually comes next?
quiz-romance-platform-option-1 = You are urged to put in more, then withdrawals are blocked until you pay a "fee"
quiz-romance-platform-option-2 = You both get rich, as promised
quiz-romance-platform-option-3 = Your friend stops mentioning money
quiz-romance-platform-explain = The first withdrawal is allowed on purpose, to win your trust for a big deposit. Then the account "freezes", and every fee you pay is followed by another.

quiz-never-met-investor-prompt = When someone you know only online starts recommending an investment platform, that alone is a reason to stop.
quiz-never-met-investor-explain = True. An online romance that turns to investing follows a script; it is no coincidence. Whatever the story, do not send money to anyone you have not met in person.
