### 错误示例：多了一个右花括号。

quiz-correct = 回答正确。}
quiz-incorrect = 不太对。
