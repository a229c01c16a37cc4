### 教育小测验。

quiz-title = 识破骗局：1 分钟小测验
# $current：当前题目的序号（从 1 开始）；$total：题目总数。
quiz-progress = 第 { $current } 题，共 { $total } 题
quiz-check = 提交答案
quiz-next = 下一题
quiz-finish = 查看结果
quiz-correct = 回答正确。
quiz-incorrect = 不太对。
# $score：答对的题数；$total：题目总数。
quiz-score = 你答对了 { $score } 题，共 { $total } 题。
quiz-passed = 很好：这些套路你都认得。
quiz-failed = 值得再看一遍：细心的人也会中这些套路。
quiz-back = 返回转账

## 所有判断题共用的两个答案。

quiz-answer-true = 对
quiz-answer-false = 错

## 题目上方的小标签，按题型。

quiz-kind-single-choice = 单选题
quiz-kind-true-false = 判断题
quiz-kind-spot-the-red-flag = 找出危险信号

## 结果页和重做。

# “找出危险信号”题中，展示假广告或假消息的方框的无障碍标签。
quiz-scenario-label = 这条消息
# $count：刚结束的这一轮答错的题数（至少 1）。
quiz-retry = 重做答错的 { $count } 道题
quiz-learned-title = 你现在能识破的套路
# $percent：及格所需的分数，百分比（例如 80）。
quiz-pass-mark = 及格线：{ $percent }%
# 单独打开（不是从警告进入）的测验的关闭按钮。
quiz-done = 完成
# $attempt：第一轮为 1，第一次重做答错的题为 2，依此类推。
quiz-attempt = 第 { $attempt } 次作答

## 测验教的套路：简短名称，以及用户要记住的一句话。

quiz-technique-guaranteed-returns = 保证收益
quiz-technique-guaranteed-returns-lesson = 真正的投资都可能亏钱，“保证不亏”的承诺就是诱饵。
quiz-technique-fake-authority = 冒充官方和名人
quiz-technique-fake-authority-lesson = 警察、客服和名人都不会通过电话或聊天让你转账、投资：先挂断，再自己拨打官方电话核实。
quiz-technique-social-proof = 制造从众
quiz-technique-social-proof-lesson = 满屏的赢家和截图很容易造假，一群人可能只是一个骗子的许多小号。
quiz-technique-urgency = 制造紧迫和稀缺
quiz-technique-urgency-lesson = 催你马上行动，就是不想让你核实；真正的机会经得起等一等。
quiz-technique-unlock-fee = 先交钱才能提现
quiz-technique-unlock-fee-lesson = 要先交钱才能提现，说明钱已经拿不回来了，别再付。
quiz-technique-recovery-scam = 追款骗局
quiz-technique-recovery-scam-lesson = 被骗后主动找上门、收费帮你追款的都是骗子；请自己去找警方和银行。
quiz-technique-otc-dealing = 场外买卖 USDT
quiz-technique-otc-dealing-lesson = 场外买卖 USDT 收到的钱可能是赃款，经过的每张卡都可能被冻结。
quiz-technique-account-renting = 出租账户（跑分）
quiz-technique-account-renting-lesson = 出租、出借账户帮别人过钱，出了事担责的是你。
quiz-technique-romance-investment = 网恋带你投资（杀猪盘）
quiz-technique-romance-investment-lesson = 只在网上认识的人跟你谈投资，这段感情本身就是骗局。

## 题目。每题包括题干；“找出危险信号”题还有一段假广告或假消息（scenario）；
## 按顺序排列的选项（判断题没有，共用 quiz-answer-true 和 quiz-answer-false）；
## 以及作答后显示的解释。

## 保证收益。

quiz-guaranteed-returns-prompt = 一位“投资导师”承诺每天 3% 收益，稳赚不赔。“保证收益”说明了什么？
quiz-guaranteed-returns-option-1 = 这是危险信号：只有骗子才保证收益
quiz-guaranteed-returns-option-2 = 很安全，因为承诺写在了纸上
quiz-guaranteed-returns-option-3 = 朋友已经赚到钱，就没问题
quiz-guaranteed-returns-explain = 任何真正的投资都可能亏损。高额固定收益的承诺就是诱饵；先给朋友的“收益”也是圈套的一部分。

quiz-mining-daily-income-prompt = 这则广告用的是哪种套路？
quiz-mining-daily-income-scenario = 云算力挖矿合约：投入 1 万元，每天固定产出 150 USDT。矿机 24 小时托管运行，零风险，到期全额返还本金。
quiz-mining-daily-income-option-1 = 制造从众：好像大家都已经投了
quiz-mining-daily-income-option-2 = 保证收益：每天固定收益、零风险
quiz-mining-daily-income-option-3 = 提现前先交费
quiz-mining-daily-income-explain = “零风险、固定日收益”就是钩子：挖矿收益随币价和成本涨跌，正经经营的人没法打包票。前期返的钱，通常来自后来者的本金。

quiz-written-guarantee-prompt = 只要签了合同、写明保本保收益，钱就是安全的。
quiz-written-guarantee-explain = 错。骗子平台的合同只是道具，印一份不花钱；平台一跑路，这张纸谁也不会兑现。

## 冒充官方和名人。

quiz-celebrity-token-prompt = 这则广告用的是哪种套路？
quiz-celebrity-token-scenario = 独家专访：知名企业家透露自己也投了 XX 币预售，称“这是十年一遇的机会”。点击链接，以早鸟价认购。
quiz-celebrity-token-option-1 = 借名人之口，骗取你的信任
quiz-celebrity-token-option-2 = 提现前先交费
quiz-celebrity-token-option-3 = 出租你的账户
quiz-celebrity-token-explain = 骗子会伪造名人的采访、视频和语录，名人本人从没让你买过任何东西。脸熟，不代表币靠谱。

quiz-police-safe-account-prompt = 来电者自称警察：你的账户涉嫌洗钱，要证明清白，就得把存款转到“安全账户”。你该怎么做？
quiz-police-safe-account-option-1 = 赶紧转账，早点结案
quiz-police-safe-account-option-2 = 先视频看他的警官证，再转账
quiz-police-safe-account-option-3 = 挂断电话，自己查号码打给警方核实
quiz-police-safe-account-explain = 公检法从不会让人把钱转到“安全账户”，这种账户根本不存在。视频里的制服和证件很容易伪造，“权威”正是骗子的伪装。

quiz-customer-service-refund-prompt = 这条消息用的是哪种套路？
quiz-customer-service-refund-scenario = 您好，我是平台客服。您购买的商品存在质量问题，我们将为您办理双倍赔付。请下载会议软件并开启屏幕共享，我一步步指导您操作退款。
quiz-customer-service-refund-option-1 = 制造从众：好像大家都已经投了
quiz-customer-service-refund-option-2 = 冒充你会信任的官方人员
quiz-customer-service-refund-option-3 = 借恋爱之名带你投资
quiz-customer-service-refund-explain = 假客服借的是你常用平台的权威。真正的退款会原路退回，从不需要你共享屏幕、转账或提供验证码。

quiz-mining-certificate-prompt = 一个云挖矿 App 展示了盖着政府公章的证书，还写着“某央企战略合作伙伴”。这能证明什么？
quiz-mining-certificate-option-1 = 说明平台合法、安全
quiz-mining-certificate-option-2 = 什么也证明不了：公章和标志很容易伪造，借权威背书是老套路
quiz-mining-certificate-option-3 = 说明国家为收益兜底
quiz-mining-certificate-explain = 证书、公章和大企业标志，骗子复制起来毫不费力。何况在中国内地，虚拟货币挖矿和交易业务本身就不被允许，不可能有真正的官方背书。

## 制造从众。

quiz-group-screenshots-prompt = 这段群聊用的是哪种套路？
quiz-group-screenshots-scenario = 300 人的群聊。群友 A：今天又跟老师赚了 3800！[收益截图] 群友 B：提现已到账，感谢老师！群友 C：新来的，怎么跟单？
quiz-group-screenshots-option-1 = 帮你追回损失的服务
quiz-group-screenshots-option-2 = 场外买卖 USDT
quiz-group-screenshots-option-3 = 制造从众：一群“赢家”引你跟风
quiz-group-screenshots-explain = 这类群里的“群友”大多是骗子的小号或托儿，截图几秒钟就能 P 出来。群再热闹，也说明不了你的钱能不能取出来。

quiz-mining-referral-prompt = 你表哥在一个挖矿 App 上天天有收益，每拉一个人还有奖励，他还成功提过一次现。这能证明平台是真的吗？
quiz-mining-referral-option-1 = 能，表哥不会骗我
quiz-mining-referral-option-2 = 能，能提现就说明是真的
quiz-mining-referral-option-3 = 不能：前期小额兑付和拉人奖励，正是这类骗局拉人的手段
quiz-mining-referral-explain = 平台故意让早期用户小额提现，钱来自新人的本金，好让他们去拉亲朋好友。你表哥更可能也是受害者，而不是证据。

quiz-profit-screenshots-prompt = 群里几百个人都在晒收益截图，说明平台多半是真的。
quiz-profit-screenshots-explain = 错。截图很容易造假，一个骗子就能操控几百个账号。热闹的人群本身就是布景。

## 制造紧迫和稀缺。

quiz-act-now-prompt = “只剩 2 个名额，10 分钟内付款！”这条消息在做什么？
quiz-act-now-option-1 = 说明这个机会很抢手、很正规
quiz-act-now-option-2 = 提供有用的价格信息
quiz-act-now-option-3 = 给你施压，让你来不及核实
quiz-act-now-explain = 制造紧迫感和稀缺感是施压手段。真正的机会，在你和信任的人商量之后依然还在。

quiz-airdrop-countdown-prompt = 这条消息用的是哪种套路？
quiz-airdrop-countdown-scenario = 恭喜！你的钱包获得 5000 枚 XX 代币空投。领取通道 30 分钟后关闭，过期作废。立即连接钱包领取。
quiz-airdrop-countdown-option-1 = 倒计时催你，不给你思考的时间
quiz-airdrop-countdown-option-2 = 制造从众：好像大家都已经投了
quiz-airdrop-countdown-option-3 = 借恋爱之名带你投资
quiz-airdrop-countdown-explain = 倒计时就是为了不让你核实。匆忙把钱包连到陌生网站，正是钱包被盗空的常见方式；真有好处，不差你问一问的工夫。

quiz-time-to-check-prompt = 真正的银行、警察或投资机会，不会因为你先挂断电话核实一下就消失。
quiz-time-to-check-explain = 对。只有骗局才需要你来不及思考、来不及找人商量就行动。对方越说没时间核实，越说明必须核实。

## 先交钱才能提现。

quiz-withdrawal-tax-prompt = 平台可以要求你先交“税费”或“解冻费”，才能提取收益。
quiz-withdrawal-tax-explain = 错。正规平台会从余额中扣除费用。要求你先付钱，是骗子在消失前再收一笔的手法。

quiz-airdrop-gas-fee-prompt = 你“中了”价值 2 万元的空投，但领取前要先往对方给的地址转 500 元“gas 费”。这是怎么回事？
quiz-airdrop-gas-fee-option-1 = 正常的链上手续费
quiz-airdrop-gas-fee-option-2 = 先交钱的套路：空投是诱饵，这笔费用才是骗局
quiz-airdrop-gas-fee-option-3 = 说明空投很值钱
quiz-airdrop-gas-fee-explain = 真正的 gas 费是你自己发起交易时从钱包里扣的，从不需要转到某个人的地址。交了这一笔，还会有下一笔，直到你不再付钱为止。

quiz-frozen-account-deposit-prompt = 这条消息用的是哪种套路？
quiz-frozen-account-deposit-scenario = 【系统通知】您的账户因流水异常已被冻结，提现失败。请缴纳账户余额 20% 的保证金解冻，即可全额提现。
quiz-frozen-account-deposit-option-1 = 制造从众：好像大家都已经投了
quiz-frozen-account-deposit-option-2 = 出租你的账户
quiz-frozen-account-deposit-option-3 = 先交钱，才能取出你的钱
quiz-frozen-account-deposit-explain = “保证金”“解冻费”“税费”，都是假平台再收你一笔的借口。正规平台从余额里扣费；要先交钱才能提现，说明那笔余额从来就不存在。

## 追款骗局。

quiz-recovery-agency-prompt = 这条消息用的是哪种套路？
quiz-recovery-agency-scenario = 看到你在群里说被骗了。我们是专业追款团队，和网警有合作，已帮 300 多人追回损失。先付 10% 手续费，追回后再付尾款。
quiz-recovery-agency-option-1 = 追款骗局：承诺帮你追回损失，先收费
quiz-recovery-agency-option-2 = 场外买卖 USDT
quiz-recovery-agency-option-3 = 借恋爱之名带你投资
quiz-recovery-agency-explain = 骗子专找刚被骗过的人下手，名单常常就来自他们自己的受害人。没有人能收钱帮你追回虚拟货币转账；能帮你的只有警方和银行，而且他们不收费。

quiz-recovery-upfront-fee-prompt = 主动联系你、说能帮你追回被骗的钱、但要先交费的人，多半是在实施又一场诈骗。
quiz-recovery-upfront-fee-explain = 对。被骗过一次，你就上了骗子的名单，“追款”是来咬第二口。请自己去报警，警方从不收费。

quiz-who-can-recover-prompt = 你在假投资平台上被骗了钱。谁才真正帮得了你？
quiz-who-can-recover-option-1 = 收费帮你把链上转账“黑回来”的黑客
quiz-who-can-recover-option-2 = 警方和你的银行，用你自己查到的电话联系
quiz-who-can-recover-option-3 = 在网上主动找上你的追款公司
quiz-who-can-recover-explain = 损失之后主动找上门、先要钱的人，想要的是你更多的钱。尽快向警方报案、联系银行，电话号码要自己查。

## 场外买卖 USDT。

quiz-otc-frozen-card-prompt = 有币商愿意以低于市价的价格卖给你 USDT，条件是用银行转账付款。最大的风险是什么？
quiz-otc-frozen-card-option-1 = 没有风险：USDT 是稳定币
quiz-otc-frozen-card-option-2 = 这笔钱可能来自诈骗受害人，你的银行卡可能被冻结
quiz-otc-frozen-card-option-3 = 只是一点手续费
quiz-otc-frozen-card-explain = 币商利用银行转账为诈骗资金洗钱。受害人一报案，资金经过的每张卡都可能被冻结，而你得不到法律保护。

quiz-usdt-dealer-ad-prompt = 这则广告里的危险信号是什么？
quiz-usdt-dealer-ad-scenario = USDT 承兑，收 U 出 U。价格比交易所低 3%，支持银行卡、第三方支付，秒到账，量大从优。
quiz-usdt-dealer-ad-option-1 = 帮你追回损失的服务
quiz-usdt-dealer-ad-option-2 = 低价 USDT 换银行转账：钱可能来自诈骗
quiz-usdt-dealer-ad-option-3 = 借恋爱之名带你投资
quiz-usdt-dealer-ad-explain = 比市价便宜的那部分，是拿你承担的风险换的：币商的钱常常来自诈骗受害人。受害人一报案，你的卡就会被冻结，而在中国内地，虚拟货币交易不受法律保护。

quiz-selling-usdt-freeze-prompt = 把 USDT 卖给陌生人、收对方的银行转账，即使你别的什么都没做，银行卡也可能被冻结。
quiz-selling-usdt-freeze-explain = 对。买家付给你的钱常常是诈骗赃款，你的卡就成了洗钱链条上的一环。警方会冻结资金经过的每一个账户。

## 出租账户（跑分）。

quiz-rent-account-prompt = 这则广告里的危险信号是什么？
quiz-rent-account-scenario = 兼职：出租闲置的支付账户或银行卡，帮平台代收代付。每天躺赚 300～800 元，不用出一分钱，随时可退出。
quiz-rent-account-option-1 = 提现前先交费
quiz-rent-account-option-2 = 出租账户（跑分）：你成了洗钱的工具
quiz-rent-account-option-3 = 冒充你会信任的官方人员
quiz-rent-account-explain = 没人会为一个闲置账户每天付 300 元，除非经过它的是脏钱。账户是你的名字，冻卡、罚款乃至刑事责任也都落在你身上。

quiz-arbitrage-brick-prompt = 一份“搬砖”兼职：买家把钱打到你的银行卡，你再买 U 转给对方，赚 1% 差价。你实际上在做什么？
quiz-arbitrage-brick-option-1 = 无风险套利
quiz-arbitrage-brick-option-2 = 用你的账户替别人转移资金，而这些钱常常是赃款
quiz-arbitrage-brick-option-3 = 普通的兼职
quiz-arbitrage-brick-explain = “搬砖”这个说法掩盖了实质：你的账户把受害人的钱换成难以追查的 USDT。这就是洗钱，账户主人要担责。

quiz-lend-account-prompt = 把银行卡或支付账户借给朋友“收几笔款”，只要你不碰那些钱，就没什么问题。
quiz-lend-account-explain = 错。经过你账户的每一笔钱都记在你名下：一旦是诈骗资金，你的账户会被限制，你本人也可能被追责。真朋友自己有账户。

## 网恋带你投资（杀猪盘）。

quiz-romance-tip-prompt = 这条消息用的是哪种套路？
quiz-romance-tip-scenario = 两周前在网上认识的人发来：宝贝，我舅舅在交易所做数据，这个平台每晚 8 点有行情，我已经赚了 20 万。你先充 5000 试试，我带你操作，就当为我们的将来打算。
quiz-romance-tip-option-1 = 帮你追回损失的服务
quiz-romance-tip-option-2 = 出租你的账户
quiz-romance-tip-option-3 = 借感情引你投资
quiz-romance-tip-explain = 这就是“杀猪盘”：先花几周培养感情，再用“内幕消息”把你引到假平台，账面一直赚钱，直到你想提现。没见过面的人叫你投资，本身就是危险信号。

quiz-romance-platform-prompt = 一位从未见面的网友给你看了交易 App 上的丰厚收益，还手把手带你入门。你第一次小额提现成功了。接下来通常会怎样？
quiz-romance-platform-option-1 = 对方催你加大投入，之后提现被卡，要先交“费用”
quiz-romance-platform-option-2 = 你们一起发财，正如承诺的那样
quiz-romance-platform-option-3 = 对方再也不提钱的事
quiz-romance-platform-explain = 第一次提现是故意放行的，为的是换取你的信任、让你投大钱。之后账户就会“冻结”，交了一笔费用，还有下一笔。

quiz-never-met-investor-prompt = 只在网上认识的人开始给你推荐投资平台，单凭这一点就该停下来。
quiz-never-met-investor-explain = 对。网恋聊着聊着就聊到投资，这是剧本，不是巧合。不管对方怎么说，都别给没见过面的人转钱。
