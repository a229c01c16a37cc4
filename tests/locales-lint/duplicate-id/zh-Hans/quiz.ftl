### 错误示例：同一个 ID 出现两次。

quiz-next = 下一题
quiz-finish = 查看结果
quiz-next = 下一道题
