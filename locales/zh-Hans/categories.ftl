### 各风险类别的提示文案：标题、点明的话术、用户当场就能回答的三个问题，以及继续操作的后果。
### 内容编辑可以修改这里的任何文字；请保持消息 ID 不变，并在各语言文件中使用相同的 ID。
### 这些消息都不含变量。

## 通用标签与可能性说明（按风险等级说明这是诈骗的可能性）。

warning-likelihood-medium = 这类转账常常与诈骗有关。
warning-likelihood-high = 这笔转账有明显的诈骗特征。
warning-technique-label = 套路：
warning-ask-label = 先问问自己：
warning-consequence-label = 如果继续：

## otc-trading：通过币商买卖 USDT 等虚拟货币（场外交易、承兑）。

warning-otc-trading-title = 这笔转账疑似通过币商买卖 USDT 等虚拟货币
warning-otc-trading-technique = 币商私下给出比市价更划算的价格
warning-otc-trading-explain = 币商敢给好价格，是因为经手的钱常常是诈骗受害人的被骗资金。受害人一报案，这笔钱经过的银行卡都可能被冻结。
warning-otc-trading-ask-1 = 你在现实中见过这位币商吗？
warning-otc-trading-ask-2 = 是网上认识的人让你买卖 USDT 的吗？
warning-otc-trading-ask-3 = 对方有没有让你在转账备注里别写“USDT”“币”之类的字眼？
warning-otc-trading-consequence = 你的银行卡可能被冻结，而且得不到法律保护：在中国内地，虚拟货币交易属于非法金融活动。

## false-returns：承诺“保证收益”或固定高收益的投资。

warning-false-returns-title = 这笔转账疑似“稳赚不赔”的投资骗局
warning-false-returns-technique = 承诺保证收益
warning-false-returns-explain = 真正的投资都可能亏损，只有骗子才会保证收益。先让你小赚几笔，是为了让你投入更多，然后卷款消失。
warning-false-returns-ask-1 = 对方是否承诺了固定收益，或者说“稳赚不赔”？
warning-false-returns-ask-2 = 这个投资是网上新认识的朋友或“导师”推荐的吗？
warning-false-returns-ask-3 = 对方是否让你对家人或银行保密？
warning-false-returns-consequence = 平台上显示的收益并不真实，平台一关闭，你投入的钱通常无法追回。

## token-offering：为新币、发币（ICO）或空投付费。

warning-token-offering-title = 这笔转账疑似为新币、空投或发币付费
warning-token-offering-technique = 制造紧迫感，催你抢先上车
warning-token-offering-explain = 骗子说新币上线就会翻倍、名额有限，让你来不及细想就付钱。领“免费”的币却要先交钱，是典型的骗局信号。
warning-token-offering-ask-1 = 对方是否说名额有限，或者马上就要涨价？
warning-token-offering-ask-2 = 你是在群里或从网上认识的人那里听说这个币的吗？
warning-token-offering-ask-3 = 领取所谓“免费”的币，是否要你先交钱？
warning-token-offering-consequence = 这类新币往往卖不掉或一文不值，而发币融资在中国内地是被禁止的，损失得不到法律保护。

## mining-scheme：矿机、云算力合约等“挖矿”项目。

warning-mining-scheme-title = 这笔转账疑似购买矿机或云算力合约
warning-mining-scheme-technique = 不用操心就能躺赚的“挖矿”收益
warning-mining-scheme-explain = 对方说买台矿机或租点算力，每天就能自动产币。国家已明令整治虚拟货币“挖矿”，很多这类合约背后根本没有真实的矿机，发给你的“收益”其实来自后来者的钱。
warning-mining-scheme-ask-1 = 你买的矿机，你能亲眼看到、实地去看吗？
warning-mining-scheme-ask-2 = 对方是否鼓励你拉亲友加入，好多赚一些？
warning-mining-scheme-ask-3 = 这个项目是网上或群里认识的人介绍给你的吗？
warning-mining-scheme-consequence = 平台一旦跑路，矿机、合约和币都会消失，你付的钱无法追回。

## money-mule：跑分、代收代付、出租或出借账户和银行卡，替别人转钱。

warning-money-mule-title = 这笔转账疑似用你的账户替别人转钱
warning-money-mule-technique = 用佣金诱你出借账户（跑分）
warning-money-mule-explain = 对方让你用自己的账户代收代付，或把账户、银行卡借给他们，每笔给你佣金。这些钱大多来自诈骗受害人，警方追查时，找到的是账户的主人，也就是你。
warning-money-mule-ask-1 = 这笔钱是你自己的，还是在替别人转？
warning-money-mule-ask-2 = 收这笔钱或转出这笔钱，有人给你报酬吗？
warning-money-mule-ask-3 = 有没有别人拿着你的银行卡，或者知道你的登录密码、支付密码？
warning-money-mule-consequence = 你的账户和银行卡可能被冻结，还可能因帮助信息网络犯罪活动罪（帮信罪）被追究刑事责任。

## unlock-fee：提现前被要求先交解冻费、税费或保证金。

warning-unlock-fee-title = 这笔转账疑似提现前被要求交的“解冻费”
warning-unlock-fee-technique = 先交钱，才能提现
warning-unlock-fee-explain = 对方说你账户里有一大笔钱，但被冻结了，要先交解冻费、税费或保证金才能取出。正规平台会从余额里扣费，不会让你另外转钱；这笔交了，还会有下一笔。
warning-unlock-fee-ask-1 = 是不是要你先付钱，才能把钱取出来？
warning-unlock-fee-ask-2 = 这笔费用是转到个人账户，而不是平台本身吗？
warning-unlock-fee-ask-3 = 你是否已经交过一次费用，现在又被要求再交？
warning-unlock-fee-consequence = 页面上的余额并不真实，你取不出来，新交的每一笔钱也都会损失。

## flagged-payee：风控团队认定与虚拟货币交易有关的收款方。

warning-flagged-payee-title = 风控团队发现该收款方涉嫌虚拟货币交易
warning-flagged-payee-technique = 币商账户伪装成普通收款方
warning-flagged-payee-explain = 币商常用看起来很普通的个人账户收款，还会让你写看似平常的备注，让转账显得很正常。我们的风控团队发现该账户参与过场外虚拟货币交易。
warning-flagged-payee-ask-1 = 你本人知道这个账户是谁的吗？
warning-flagged-payee-ask-2 = 这个账户是群里或聊天中有人发给你的吗？
warning-flagged-payee-ask-3 = 对方是否告诉你备注该写什么，或者让你别写备注？
warning-flagged-payee-consequence = 转给该账户的钱可能被冻结或无法追回，虚拟货币交易在中国内地也得不到法律保护。

## unusual-pattern：今天新增多个收款方、金额凑整且略低于限额、深夜转账。
## 可能有人正在指导用户操作。

warning-unusual-pattern-title = 这笔转账和你平时的付款习惯不一样
warning-unusual-pattern-technique = 有人一步步指导你操作
warning-unusual-pattern-explain = 骗子常在电话或聊天里一步步告诉你怎么转：一天内转给多个新收款人、每笔金额略低于限额、深夜操作。这样做是为了绕过风控，也不给你停下来想一想的时间。
warning-unusual-pattern-ask-1 = 现在是否有人在电话或聊天里告诉你该怎么操作？
warning-unusual-pattern-ask-2 = 对方是否让你把钱拆成几笔，或让每笔都低于某个限额？
warning-unusual-pattern-ask-3 = 对方是否让你别告诉银行、警察或家人？
warning-unusual-pattern-consequence = 钱一旦转进骗子的账户，很快就会被转走，通常无法追回。
