### 错误示例：消息 ID 中有空格。

quiz-title = 识破骗局：1 分钟小测验
quiz check = 提交答案
