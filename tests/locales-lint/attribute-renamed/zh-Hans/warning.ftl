### 错误示例：属性名拼错。

report-wrong = 提示有误？告诉我们
    .aria-lable = 告诉我们这条提示有误
