### 错误示例：续行没有缩进。

warning-proceed-hint = 只有在你本人认识该收款方、
且没有任何人指导你操作时，才继续。
warning-proceed = 仍要转账
