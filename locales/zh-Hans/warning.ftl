### 风险提示的框架：操作按钮、用途问题、轻提示、“提示有误”入口，以及转账被拦截的对话框。
### 每个类别的具体文字在 categories.ftl 中。
### 含变量的消息，在其上方注释中说明变量含义。

## 转账详情。

warning-payee-label = 收款方
warning-amount-label = 金额
warning-time-label = 时间
# 宿主应用未提供收款方名称时显示。
warning-payee-unknown = 未提供

## 操作。“取消转账”是安全选项，排在最前。

warning-cancel = 取消转账
warning-understand = 我了解风险
warning-proceed-hint = 只有在你本人认识该收款方、且没有任何人指导你操作时，才继续。
warning-proceed = 仍要转账
warning-learn = 这种骗局怎么运作？做个 1 分钟小测验

## 用途问题：高风险提示在给出继续选项之前先问。

purpose-question = 这笔钱是用来做什么的？
purpose-family-friends = 给我当面认识的家人或朋友
purpose-goods-services = 购买商品或服务
purpose-investment = 投资或赚钱项目
purpose-buying-crypto = 购买 USDT、比特币等虚拟货币
purpose-unlock-fee = 为解冻、提现支付的手续费、税费或保证金
purpose-other = 其他
guided-question = 是否有人通过电话、聊天软件或当面告诉你该怎么操作？
guided-yes = 是
guided-no = 否
purpose-continue = 继续
escalated-title = 请停下：这正是骗局的套路
escalated-body = 骗子会一步步“指导”受害人完成这样的转账，而真正的投资、商家或平台都不需要你这样付款。这笔转账无法在此继续。请挂断电话或退出聊天，先和你信任的人商量。

## 低风险转账的轻提示。

hint-title = 转账前请稍等片刻
hint-dismiss = 知道了

## “提示有误”。

report-wrong = 提示有误？告诉我们
report-thanks = 谢谢反馈，我们会核查这条提示。你仍可以取消或继续。

## 转账被拦截的对话框。

blocked-title = 无法完成这笔转账
blocked-body = 该收款方账户涉及非法虚拟货币交易，已被限制收款。你的钱没有转出。
blocked-acknowledge = 好的，我知道了
blocked-help = 获取帮助或申诉
