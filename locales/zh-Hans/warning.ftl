### 风险提示弹窗与转账被拦截的对话框。
### 含变量的消息，在其上方注释中说明变量含义。

## 每个类别一对：标题说明可能发生了什么；正文点明话术，并说明继续的后果。

warning-title-otc-trading = 这笔转账疑似通过币商买卖虚拟货币
warning-body-otc-trading = 用银行转账换 USDT 或比特币的币商，经手的钱常常是诈骗受害人的被骗资金。收款或付款的银行卡会被冻结，而且得不到法律保护：在中国内地，虚拟货币交易属于非法金融活动。
warning-title-false-returns = 这笔转账疑似“保证收益”骗局
warning-body-false-returns = 只有骗子才会保证收益。真正的投资都可能亏损；承诺固定日收益，正是这类骗局先收钱、再卷款消失的手法。
warning-title-flagged-payee = 该收款方涉嫌虚拟货币交易
warning-body-flagged-payee = 风控团队发现该收款方参与场外虚拟货币交易。转给此类账户的钱常常无法追回或被冻结。
warning-title-generic = 这笔转账可能涉及诈骗
warning-body-generic = 这笔付款的某些特征与虚拟货币诈骗相符。转给骗子的钱通常无法追回。

## 转账详情。

warning-payee-label = 收款方
warning-amount-label = 金额
# 宿主应用未提供收款方名称时显示。
warning-payee-unknown = 未提供

## 操作。“取消转账”是安全选项，排在最前。

warning-cancel = 取消转账
warning-understand = 我了解风险
warning-proceed-hint = 只有在你本人认识该收款方、且没有任何人指导你操作时，才继续。
warning-proceed = 仍要转账
warning-learn = 这种骗局怎么运作？做个 1 分钟小测验

## 转账被拦截的对话框。

blocked-title = 无法完成这笔转账
blocked-body = 该收款方账户涉及非法虚拟货币交易，已被限制收款。你的钱没有转出。
blocked-acknowledge = 好的，我知道了
