### 错误示例：等号后面没有文字。

warning-cancel =
warning-proceed = 仍要转账
