### 错误示例：变量名拼错。

# $amount：转账金额，含币种，已格式化（¥1,234.50）。
warning-amount-line = 你即将转出 { $amout }。
