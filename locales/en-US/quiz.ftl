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

## Questions. Each has a prompt, its options (in order) and an explanation shown after answering.

quiz-otc-frozen-card-prompt = A dealer offers you USDT below the market price if you pay by bank transfer. What is the biggest risk?
quiz-otc-frozen-card-option-1 = None: USDT is a stable coin
quiz-otc-frozen-card-option-2 = The money may come from fraud victims, and your card can be frozen
quiz-otc-frozen-card-option-3 = Only a small exchange fee
quiz-otc-frozen-card-explain = Dealers use bank transfers to launder money from scams. When a victim reports it, every card the money touched can be frozen, and you have no legal protection.

quiz-guaranteed-returns-prompt = An "investment mentor" promises 3% a day, guaranteed. What does "guaranteed" tell you?
quiz-guaranteed-returns-option-1 = It is a red flag: only scammers guarantee returns
quiz-guaranteed-returns-option-2 = It is safe, because the promise is in writing
quiz-guaranteed-returns-option-3 = It is fine if friends already made money
quiz-guaranteed-returns-explain = Every real investment can lose money. A guarantee of high, fixed returns is the bait; early "profits" paid to friends are part of the trap.

quiz-act-now-prompt = "Only 2 places left, pay within 10 minutes!" What is this message doing?
quiz-act-now-option-1 = Telling you the offer is popular and legitimate
quiz-act-now-option-2 = Giving you useful information about prices
quiz-act-now-option-3 = Pressuring you so that you do not stop to check
quiz-act-now-explain = Urgency and scarcity are pressure tactics. A real opportunity will still be there after you have talked to someone you trust.

quiz-withdrawal-tax-prompt = True or false: a platform can ask you to pay a "tax" or "unlock fee" before you withdraw your profits.
quiz-withdrawal-tax-option-1 = True
quiz-withdrawal-tax-option-2 = False
quiz-withdrawal-tax-explain = False. Legitimate platforms deduct fees from the balance. Being asked to pay first is how scammers take one more payment before vanishing.
