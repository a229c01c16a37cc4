### 教育用的小測驗。

quiz-title = 識破騙局：1 分鐘小測驗
# $current：目前題目的序號（從 1 開始）；$total：題目總數。
quiz-progress = 第 { $current } 題，共 { $total } 題
quiz-check = 送出答案
quiz-next = 下一題
quiz-finish = 查看結果
quiz-correct = 答對了。
quiz-incorrect = 不太對。
# $score：答對的題數；$total：題目總數。
quiz-score = 你答對了 { $score } 題，共 { $total } 題。
quiz-passed = 很好：這些手法你都認得。
quiz-failed = 值得再看一遍：細心的人也會掉進這些圈套。
quiz-back = 返回轉帳

## 題目。每題包括題幹、依序排列的選項，以及作答後顯示的解說。

quiz-otc-frozen-card-prompt = 有幣商願意用低於市價的價格賣你 USDT，條件是以銀行轉帳付款。最大的風險是什麼？
quiz-otc-frozen-card-option-1 = 沒有風險：USDT 是穩定幣
quiz-otc-frozen-card-option-2 = 這筆錢可能來自詐騙受害人，你的銀行卡可能被凍結
quiz-otc-frozen-card-option-3 = 只是一點手續費
quiz-otc-frozen-card-explain = 幣商利用銀行轉帳替詐騙資金洗錢。受害人一報案，資金經過的每張卡都可能被凍結，而你得不到法律保障。

quiz-guaranteed-returns-prompt = 一位「投資老師」承諾每天獲利 3%，穩賺不賠。「保證獲利」代表什麼？
quiz-guaranteed-returns-option-1 = 這是危險訊號：只有騙子才會保證獲利
quiz-guaranteed-returns-option-2 = 很安全，因為承諾已經白紙黑字寫下來
quiz-guaranteed-returns-option-3 = 朋友已經賺到錢，就沒問題
quiz-guaranteed-returns-explain = 任何真正的投資都可能虧損。高額固定報酬的承諾就是誘餌；先發給朋友的「獲利」也是圈套的一部分。

quiz-act-now-prompt = 「只剩 2 個名額，10 分鐘內付款！」這則訊息在做什麼？
quiz-act-now-option-1 = 表示這個機會很搶手、很正規
quiz-act-now-option-2 = 提供有用的價格資訊
quiz-act-now-option-3 = 對你施壓，讓你來不及查證
quiz-act-now-explain = 製造緊迫感和稀缺感是施壓手段。真正的機會，在你和信任的人商量過之後依然還在。

quiz-withdrawal-tax-prompt = 是非題：平台可以要求你先繳「稅金」或「解凍費」，才能提領獲利。
quiz-withdrawal-tax-option-1 = 對
quiz-withdrawal-tax-option-2 = 錯
quiz-withdrawal-tax-explain = 錯。正規平台會從餘額中扣除費用。要求你先付錢，是騙子在消失前再收一筆的手法。
