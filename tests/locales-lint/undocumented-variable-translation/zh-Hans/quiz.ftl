### 错误示例：注释没有说明全部变量。

# $current：当前题目的序号。
quiz-progress = 第 { $current } 题，共 { $total } 题
