### 错误示例：中文用不到的复数变体。

# $count：用户今天转账的新收款方数量。
warning-new-payees = { $count ->
    [one] 你今天向一个新收款方转了账。
   *[other] 你今天向 { $count } 个新收款方转了账。
}
