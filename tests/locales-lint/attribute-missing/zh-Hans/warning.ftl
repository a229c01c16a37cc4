### 错误示例：漏了属性。

warning-learn = 这种骗局怎么运作？
