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

## 题目。每题包括题干、按顺序排列的选项，以及作答后显示的解释。

quiz-otc-frozen-card-prompt = 有币商愿意以低于市价的价格卖给你 USDT，条件是用银行转账付款。最大的风险是什么？
quiz-otc-frozen-card-option-1 = 没有风险：USDT 是稳定币
quiz-otc-frozen-card-option-2 = 这笔钱可能来自诈骗受害人，你的银行卡可能被冻结
quiz-otc-frozen-card-option-3 = 只是一点手续费
quiz-otc-frozen-card-explain = 币商利用银行转账为诈骗资金洗钱。受害人一报案，资金经过的每张卡都可能被冻结，而你得不到法律保护。

quiz-guaranteed-returns-prompt = 一位“投资导师”承诺每天 3% 收益，稳赚不赔。“保证收益”说明了什么？
quiz-guaranteed-returns-option-1 = 这是危险信号：只有骗子才保证收益
quiz-guaranteed-returns-option-2 = 很安全，因为承诺写在了纸上
quiz-guaranteed-returns-option-3 = 朋友已经赚到钱，就没问题
quiz-guaranteed-returns-explain = 任何真正的投资都可能亏损。高额固定收益的承诺就是诱饵；先给朋友的“收益”也是圈套的一部分。

quiz-act-now-prompt = “只剩 2 个名额，10 分钟内付款！”这条消息在做什么？
quiz-act-now-option-1 = 说明这个机会很抢手、很正规
quiz-act-now-option-2 = 提供有用的价格信息
quiz-act-now-option-3 = 给你施压，让你来不及核实
quiz-act-now-explain = 制造紧迫感和稀缺感是施压手段。真正的机会，在你和信任的人商量之后依然还在。

quiz-withdrawal-tax-prompt = 判断对错：平台可以要求你先交“税费”或“解冻费”，才能提取收益。
quiz-withdrawal-tax-option-1 = 对
quiz-withdrawal-tax-option-2 = 错
quiz-withdrawal-tax-explain = 错。正规平台会从余额中扣除费用。要求你先付钱，是骗子在消失前再收一笔的手法。
