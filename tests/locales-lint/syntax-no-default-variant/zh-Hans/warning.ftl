### 错误示例：选择表达式缺少默认（*）变体。

# $count：用户今天转账的新收款方数量。
warning-new-payees = { $count ->
    [other] 你今天向 { $count } 个新收款方转了账。
}
