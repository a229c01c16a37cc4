### 错误示例：消息只有一个空字符串。

warning-cancel = 取消转账
warning-proceed = { "" }
