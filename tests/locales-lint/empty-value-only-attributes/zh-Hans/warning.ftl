### 错误示例：保留了属性，却丢了正文。

warning-learn =
    .title = 做个 1 分钟小测验
