### 错误示例：占位符没有闭合。

# $current：当前题目的序号；$total：题目总数。
quiz-progress = 第 { $current 题，共 { $total } 题
quiz-check = 提交答案
