### 错误示例：缺少 categories.ftl。

quiz-back = 返回转账
