### 错误示例：漏译了一条消息。

quiz-check = 提交答案
quiz-finish = 查看结果
