### Warning text for each risk category: headline, the manipulation technique it names,
### three questions the user can answer right now, and what happens if they go on.
### Content editors can change any of this text; keep the message ids as they are and keep
### the same ids in every locale. None of these messages take variables.

## Shared labels and the likelihood line (how likely a scam is, by risk level).

warning-likelihood-medium = Transfers like this are often part of a scam.
warning-likelihood-high = This transfer has clear signs of a scam.
warning-technique-label = The trick:
warning-ask-label = Ask yourself:
warning-consequence-label = If you go on:

## otc-trading: buying or selling USDT or other crypto through a private dealer (OTC, "acceptance").

warning-otc-trading-title = This looks like buying or selling USDT or other crypto via a dealer
warning-otc-trading-technique = A better-than-market rate from a private dealer
warning-otc-trading-explain = Dealers can offer a good rate because the money they pass on is often stolen from fraud victims. When a victim reports it, every card the money went through can be frozen.
warning-otc-trading-ask-1 = Have you met this dealer in real life?
warning-otc-trading-ask-2 = Did someone you met online tell you to buy or sell USDT?
warning-otc-trading-ask-3 = Were you told not to mention crypto or USDT in the payment note?
warning-otc-trading-consequence = Your card can be frozen and you have no legal protection, because virtual-currency trading is illegal financial activity in mainland China.

## false-returns: an investment that promises "guaranteed" or fixed high returns.

warning-false-returns-title = This looks like a scheme that promises guaranteed profits
warning-false-returns-technique = Promise of guaranteed profit
warning-false-returns-explain = Every real investment can lose money, so only scammers guarantee a return. Small early payouts are bait to make you put in more before the scheme disappears.
warning-false-returns-ask-1 = Has anyone promised you a fixed or risk-free profit?
warning-false-returns-ask-2 = Did a new online friend or "mentor" suggest this investment?
warning-false-returns-ask-3 = Have you been told to keep it from your family or your bank?
warning-false-returns-consequence = The profits on screen are not real, and once the platform closes the money you paid in usually cannot be recovered.

## token-offering: paying to get into a new token, coin launch (ICO) or airdrop.

warning-token-offering-title = This looks like paying for a new token, coin launch or airdrop
warning-token-offering-technique = Pressure to get in before it's too late
warning-token-offering-explain = Scammers say a new coin will soon multiply in value and places are limited, so you pay before you have time to think. Having to pay to claim free tokens is a classic sign of a scam.
warning-token-offering-ask-1 = Were you told places are limited or the price goes up soon?
warning-token-offering-ask-2 = Did you hear about this coin in a group chat or from someone you met online?
warning-token-offering-ask-3 = Are you being asked to pay to receive tokens described as free?
warning-token-offering-consequence = Tokens like these often can't be sold or are worthless, and raising money by issuing tokens is banned in mainland China, so you have no legal protection.

## mining-scheme: mining machines, cloud mining or hash power contracts.

warning-mining-scheme-title = This looks like a crypto mining machine or cloud mining contract
warning-mining-scheme-technique = Effortless income from "mining"
warning-mining-scheme-explain = You are told a machine or rented hash power will earn coins every day with no effort. Mainland China has ordered crypto mining shut down, and many such contracts have no real machines: payouts come from newer buyers' money.
warning-mining-scheme-ask-1 = Can you see and visit the machines you are paying for?
warning-mining-scheme-ask-2 = Have you been encouraged to bring in friends to earn more?
warning-mining-scheme-ask-3 = Did someone you met online or in a group chat introduce this?
warning-mining-scheme-consequence = If the platform shuts down, the machines, contracts and coins are gone, and the money you paid cannot be recovered.

## money-mule: renting out or lending your account or cards to move other people's money.

warning-money-mule-title = This looks like your account being used to move someone else's money
warning-money-mule-technique = A commission for moving money through your account
warning-money-mule-explain = You are paid to receive and pass on money, or to lend your account or card. That money usually comes from fraud victims, and the police trace it to the account holder: you.
warning-money-mule-ask-1 = Is this your own money, or are you passing it on for someone else?
warning-money-mule-ask-2 = Is anyone paying you for receiving or sending this transfer?
warning-money-mule-ask-3 = Does anyone else have your card or know your login or payment password?
warning-money-mule-consequence = Your accounts and cards can be frozen, and lending them to move such money can be a crime in mainland China (assisting information network crime).

## unlock-fee: a fee, tax or deposit demanded before you can withdraw.

warning-unlock-fee-title = This looks like a fee you must pay before you can withdraw
warning-unlock-fee-technique = Pay first to get your money out
warning-unlock-fee-explain = You are shown a large balance that is frozen until you pay a fee, tax or deposit. A real platform takes fees out of your balance instead of asking for new money, and each payment here is followed by another.
warning-unlock-fee-ask-1 = Are you being asked to pay before you can take money out?
warning-unlock-fee-ask-2 = Does the fee go to a personal account rather than to the platform itself?
warning-unlock-fee-ask-3 = Have you already paid one fee and now been asked for another?
warning-unlock-fee-consequence = The balance on screen is not real: you will not get it out, and every new payment is lost as well.

## flagged-payee: a payee the host's risk team has linked to crypto trading.

warning-flagged-payee-title = Our risk team has linked this payee to crypto trading
warning-flagged-payee-technique = A crypto dealer posing as an ordinary payee
warning-flagged-payee-explain = Crypto dealers often receive money in ordinary personal accounts and ask for harmless-looking notes, so the payment looks routine. Our risk team has seen this account take part in over-the-counter crypto trading.
warning-flagged-payee-ask-1 = Do you know personally who this account belongs to?
warning-flagged-payee-ask-2 = Were you sent this account by someone in a chat or trading group?
warning-flagged-payee-ask-3 = Were you told what to write in the payment note, or to leave it blank?
warning-flagged-payee-consequence = Money sent here may be frozen or lost, and virtual-currency deals have no legal protection in mainland China.

## unusual-pattern: many new payees today, round sums just under limits, late-night transfers.
## The user may be being coached by someone on a call or in a chat.

warning-unusual-pattern-title = This transfer is unlike the way you usually pay
warning-unusual-pattern-technique = Someone guiding you step by step
warning-unusual-pattern-explain = Scammers often stay on a call or in a chat and tell you exactly what to send: to several new payees, in sums just under a limit, late at night. This is meant to slip past safety checks and leave you no time to stop and think.
warning-unusual-pattern-ask-1 = Is someone on a call or in a chat telling you what to do right now?
warning-unusual-pattern-ask-2 = Were you told to split the money, or keep each amount under a limit?
warning-unusual-pattern-ask-3 = Were you told not to tell your bank, the police or your family?
warning-unusual-pattern-consequence = Once the money reaches a scammer's account it is moved on quickly and usually cannot be recovered.
