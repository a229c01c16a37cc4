### 错误示例：消息 ID 拼错。

quiz-back = 返回转账
quiz-titel = 识破骗局：1 分钟小测验
