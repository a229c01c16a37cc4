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

## 所有是非題共用的兩個答案。

quiz-answer-true = 對
quiz-answer-false = 錯

## 題目上方的小標籤，依題型。

quiz-kind-single-choice = 單選題
quiz-kind-true-false = 是非題
quiz-kind-spot-the-red-flag = 找出危險訊號

## 結果頁和重做。

# 「找出危險訊號」題中，顯示假廣告或假訊息的方框的無障礙標籤。
quiz-scenario-label = 這則訊息
# $count：剛結束的這一輪答錯的題數（至少 1）。
quiz-retry = 重做答錯的 { $count } 題
quiz-learned-title = 你現在能識破的手法
# $percent：及格所需的分數，百分比（例如 80）。
quiz-pass-mark = 及格標準：{ $percent }%
# 單獨開啟（不是從警告進入）的測驗的關閉按鈕。
quiz-done = 完成
# $attempt：第一輪為 1，第一次重做答錯的題為 2，依此類推。
quiz-attempt = 第 { $attempt } 次作答

## 測驗教的手法：簡短名稱，以及使用者要記住的一句話。

quiz-technique-guaranteed-returns = 保證獲利
quiz-technique-guaranteed-returns-lesson = 真正的投資都可能虧錢，「保證不虧」的承諾就是誘餌。
quiz-technique-fake-authority = 冒充官方和名人
quiz-technique-fake-authority-lesson = 警察、客服和名人都不會透過電話或聊天要你轉帳、投資：先掛斷，再自己撥打官方電話查證。
quiz-technique-social-proof = 製造從眾
quiz-technique-social-proof-lesson = 滿滿的贏家和截圖很容易造假，一群人可能只是一個騙子的許多假帳號。
quiz-technique-urgency = 製造緊迫和稀缺
quiz-technique-urgency-lesson = 催你馬上行動，就是不想讓你查證；真正的機會經得起等一等。
quiz-technique-unlock-fee = 先付錢才能提領
quiz-technique-unlock-fee-lesson = 要先付錢才能提領，代表錢已經拿不回來了，別再付。
quiz-technique-recovery-scam = 追款騙局
quiz-technique-recovery-scam-lesson = 被騙後主動找上門、收費幫你追款的都是騙子；請自己去找警方和銀行。
quiz-technique-otc-dealing = 場外買賣 USDT
quiz-technique-otc-dealing-lesson = 場外買賣 USDT 收到的錢可能是贓款，經過的每張卡都可能被凍結。
quiz-technique-account-renting = 出租帳戶（跑分）
quiz-technique-account-renting-lesson = 出租、出借帳戶幫別人轉移資金，出了事要負責的是你。
quiz-technique-romance-investment = 網戀帶你投資（殺豬盤）
quiz-technique-romance-investment-lesson = 只在網路上認識的人跟你談投資，這段感情本身就是騙局。

## 題目。每題包括題幹；「找出危險訊號」題還有一段假廣告或假訊息（scenario）；
## 依序排列的選項（是非題沒有，共用 quiz-answer-true 和 quiz-answer-false）；
## 以及作答後顯示的解說。

## 保證獲利。

quiz-guaranteed-returns-prompt = 一位「投資老師」承諾每天獲利 3%，穩賺不賠。「保證獲利」代表什麼？
quiz-guaranteed-returns-option-1 = 這是危險訊號：只有騙子才會保證獲利
quiz-guaranteed-returns-option-2 = 很安全，因為承諾已經白紙黑字寫下來
quiz-guaranteed-returns-option-3 = 朋友已經賺到錢，就沒問題
quiz-guaranteed-returns-explain = 任何真正的投資都可能虧損。高額固定報酬的承諾就是誘餌；先發給朋友的「獲利」也是圈套的一部分。

quiz-mining-daily-income-prompt = 這則廣告用的是哪種手法？
quiz-mining-daily-income-scenario = 雲端算力挖礦合約：投入 1 萬元，每天固定產出 150 USDT。礦機 24 小時代管運轉，零風險，到期全額返還本金。
quiz-mining-daily-income-option-1 = 製造從眾：好像大家都已經投了
quiz-mining-daily-income-option-2 = 保證獲利：每天固定獲利、零風險
quiz-mining-daily-income-option-3 = 提領前先繳費
quiz-mining-daily-income-explain = 「零風險、固定日收益」就是誘餌：挖礦收益隨幣價和成本漲跌，正派經營的人不可能打包票。前期發的錢，通常來自後來者的本金。

quiz-written-guarantee-prompt = 只要簽了合約、寫明保本保獲利，錢就是安全的。
quiz-written-guarantee-explain = 錯。騙子平台的合約只是道具，印一份不花錢；平台捲款跑路後，這張紙誰也不會兌現。

## 冒充官方和名人。

quiz-celebrity-token-prompt = 這則廣告用的是哪種手法？
quiz-celebrity-token-scenario = 獨家專訪：知名企業家透露自己也投了 XX 幣預售，稱「這是十年一遇的機會」。點擊連結，以早鳥價認購。
quiz-celebrity-token-option-1 = 借名人之口，騙取你的信任
quiz-celebrity-token-option-2 = 提領前先繳費
quiz-celebrity-token-option-3 = 出租你的帳戶
quiz-celebrity-token-explain = 騙子會偽造名人的專訪、影片和語錄，名人本人從沒叫你買過任何東西。臉熟，不代表幣可靠。

quiz-police-safe-account-prompt = 來電者自稱警察：你的帳戶涉嫌洗錢，要證明清白，就得把存款轉到「安全帳戶」。你該怎麼做？
quiz-police-safe-account-option-1 = 趕快轉帳，早點結案
quiz-police-safe-account-option-2 = 先視訊看他的警察證件，再轉帳
quiz-police-safe-account-option-3 = 掛斷電話，自己查號碼打給警方查證
quiz-police-safe-account-explain = 警察、檢察官和法院從不會要人把錢轉到「安全帳戶」，這種帳戶根本不存在。視訊裡的制服和證件很容易偽造，「權威」正是騙子的偽裝。

quiz-customer-service-refund-prompt = 這則訊息用的是哪種手法？
quiz-customer-service-refund-scenario = 您好，我是平台客服。您購買的商品有品質問題，我們將為您辦理雙倍賠償。請下載會議軟體並開啟螢幕分享，我一步步引導您操作退款。
quiz-customer-service-refund-option-1 = 製造從眾：好像大家都已經投了
quiz-customer-service-refund-option-2 = 冒充你會信任的官方人員
quiz-customer-service-refund-option-3 = 借戀愛之名帶你投資
quiz-customer-service-refund-explain = 假客服借的是你常用平台的權威。真正的退款會原路退回，從不需要你分享螢幕、轉帳或提供驗證碼。

quiz-mining-certificate-prompt = 一個雲端挖礦 App 展示了蓋著政府印章的證書，還寫著「某國營企業策略合作夥伴」。這能證明什麼？
quiz-mining-certificate-option-1 = 代表平台合法、安全
quiz-mining-certificate-option-2 = 什麼也證明不了：印章和標誌很容易偽造，借權威背書是老手法
quiz-mining-certificate-option-3 = 代表國家為獲利擔保
quiz-mining-certificate-explain = 證書、印章和大企業標誌，騙子複製起來毫不費力。況且在中國內地，虛擬貨幣挖礦和交易業務本身就不被允許，不可能有真正的官方背書。

## 製造從眾。

quiz-group-screenshots-prompt = 這段群組對話用的是哪種手法？
quiz-group-screenshots-scenario = 300 人的群組。群友 A：今天又跟老師賺了 3800！[獲利截圖] 群友 B：提領已入帳，感謝老師！群友 C：新來的，怎麼跟單？
quiz-group-screenshots-option-1 = 幫你追回損失的服務
quiz-group-screenshots-option-2 = 場外買賣 USDT
quiz-group-screenshots-option-3 = 製造從眾：一群「贏家」引你跟風
quiz-group-screenshots-explain = 這類群組裡的「群友」大多是騙子的假帳號或暗樁，截圖幾秒鐘就能修出來。群組再熱鬧，也說明不了你的錢能不能領出來。

quiz-mining-referral-prompt = 你表哥在一個挖礦 App 上天天有收益，每拉一個人還有獎金，他也成功提領過一次。這能證明平台是真的嗎？
quiz-mining-referral-option-1 = 能，表哥不會騙我
quiz-mining-referral-option-2 = 能，能提領就代表是真的
quiz-mining-referral-option-3 = 不能：前期小額出金和拉人獎金，正是這類騙局拉人的手段
quiz-mining-referral-explain = 平台刻意讓早期用戶小額提領，錢來自新人的本金，好讓他們去拉親朋好友。你表哥更可能也是受害者，而不是證據。

quiz-profit-screenshots-prompt = 群組裡幾百個人都在曬獲利截圖，代表平台多半是真的。
quiz-profit-screenshots-explain = 錯。截圖很容易造假，一個騙子就能操控幾百個帳號。熱鬧的人群本身就是布景。

## 製造緊迫和稀缺。

quiz-act-now-prompt = 「只剩 2 個名額，10 分鐘內付款！」這則訊息在做什麼？
quiz-act-now-option-1 = 表示這個機會很搶手、很正規
quiz-act-now-option-2 = 提供有用的價格資訊
quiz-act-now-option-3 = 對你施壓，讓你來不及查證
quiz-act-now-explain = 製造緊迫感和稀缺感是施壓手段。真正的機會，在你和信任的人商量過之後依然還在。

quiz-airdrop-countdown-prompt = 這則訊息用的是哪種手法？
quiz-airdrop-countdown-scenario = 恭喜！你的錢包獲得 5000 枚 XX 代幣空投。領取通道 30 分鐘後關閉，逾期作廢。立即連結錢包領取。
quiz-airdrop-countdown-option-1 = 倒數計時催你，不給你思考的時間
quiz-airdrop-countdown-option-2 = 製造從眾：好像大家都已經投了
quiz-airdrop-countdown-option-3 = 借戀愛之名帶你投資
quiz-airdrop-countdown-explain = 倒數計時就是為了不讓你查證。匆忙把錢包連到陌生網站，正是錢包被盜空的常見方式；真有好處，不差你問一問的時間。

quiz-time-to-check-prompt = 真正的銀行、警察或投資機會，不會因為你先掛斷電話查證一下就消失。
quiz-time-to-check-explain = 對。只有騙局才需要你來不及思考、來不及找人商量就行動。對方越說沒時間查證，越代表必須查證。

## 先付錢才能提領。

quiz-withdrawal-tax-prompt = 平台可以要求你先繳「稅金」或「解凍費」，才能提領獲利。
quiz-withdrawal-tax-explain = 錯。正規平台會從餘額中扣除費用。要求你先付錢，是騙子在消失前再收一筆的手法。

quiz-airdrop-gas-fee-prompt = 你「中了」價值 2 萬元的空投，但領取前要先往對方給的地址轉 500 元「gas 費」。這是怎麼回事？
quiz-airdrop-gas-fee-option-1 = 正常的鏈上手續費
quiz-airdrop-gas-fee-option-2 = 先付錢的手法：空投是誘餌，這筆費用才是騙局
quiz-airdrop-gas-fee-option-3 = 代表空投很值錢
quiz-airdrop-gas-fee-explain = 真正的 gas 費是你自己發起交易時從錢包裡扣的，從不需要轉到某個人的地址。付了這一筆，還會有下一筆，直到你不再付錢為止。

quiz-frozen-account-deposit-prompt = 這則訊息用的是哪種手法？
quiz-frozen-account-deposit-scenario = 【系統通知】您的帳戶因交易異常已被凍結，提領失敗。請繳納帳戶餘額 20% 的保證金解凍，即可全額提領。
quiz-frozen-account-deposit-option-1 = 製造從眾：好像大家都已經投了
quiz-frozen-account-deposit-option-2 = 出租你的帳戶
quiz-frozen-account-deposit-option-3 = 先付錢，才能領出你的錢
quiz-frozen-account-deposit-explain = 「保證金」「解凍費」「稅金」，都是假平台再收你一筆的藉口。正規平台從餘額裡扣費；要先付錢才能提領，代表那筆餘額從來就不存在。

## 追款騙局。

quiz-recovery-agency-prompt = 這則訊息用的是哪種手法？
quiz-recovery-agency-scenario = 看到你在群組裡說被騙了。我們是專業追款團隊，和警方有合作，已幫 300 多人追回損失。先付 10% 手續費，追回後再付尾款。
quiz-recovery-agency-option-1 = 追款騙局：承諾幫你追回損失，先收費
quiz-recovery-agency-option-2 = 場外買賣 USDT
quiz-recovery-agency-option-3 = 借戀愛之名帶你投資
quiz-recovery-agency-explain = 騙子專找剛被騙過的人下手，名單常常就來自他們自己的受害人。沒有人能收錢幫你追回虛擬貨幣轉帳；能幫你的只有警方和銀行，而且他們不收費。

quiz-recovery-upfront-fee-prompt = 主動聯絡你、說能幫你追回被騙的錢、但要先付費的人，多半是在進行另一場詐騙。
quiz-recovery-upfront-fee-explain = 對。被騙過一次，你就上了騙子的名單，「追款」是來咬第二口。請自己去報案，警方從不收費。

quiz-who-can-recover-prompt = 你在假投資平台上被騙了錢。誰才真正幫得了你？
quiz-who-can-recover-option-1 = 收費幫你把鏈上轉帳「駭回來」的駭客
quiz-who-can-recover-option-2 = 警方和你的銀行，用你自己查到的電話聯絡
quiz-who-can-recover-option-3 = 在網路上主動找上你的追款公司
quiz-who-can-recover-explain = 損失之後主動找上門、先要錢的人，想要的是你更多的錢。盡快向警方報案、聯絡銀行，電話號碼要自己查。

## 場外買賣 USDT。

quiz-otc-frozen-card-prompt = 有幣商願意用低於市價的價格賣你 USDT，條件是以銀行轉帳付款。最大的風險是什麼？
quiz-otc-frozen-card-option-1 = 沒有風險：USDT 是穩定幣
quiz-otc-frozen-card-option-2 = 這筆錢可能來自詐騙受害人，你的銀行卡可能被凍結
quiz-otc-frozen-card-option-3 = 只是一點手續費
quiz-otc-frozen-card-explain = 幣商利用銀行轉帳替詐騙資金洗錢。受害人一報案，資金經過的每張卡都可能被凍結，而你得不到法律保障。

quiz-usdt-dealer-ad-prompt = 這則廣告裡的危險訊號是什麼？
quiz-usdt-dealer-ad-scenario = USDT 承兌，收 U 出 U。價格比交易所低 3%，支援銀行卡、第三方支付，秒到帳，量大從優。
quiz-usdt-dealer-ad-option-1 = 幫你追回損失的服務
quiz-usdt-dealer-ad-option-2 = 低價 USDT 換銀行轉帳：錢可能來自詐騙
quiz-usdt-dealer-ad-option-3 = 借戀愛之名帶你投資
quiz-usdt-dealer-ad-explain = 比市價便宜的那部分，是拿你承擔的風險換來的：幣商的錢常常來自詐騙受害人。受害人一報案，你的卡就會被凍結，而在中國內地，虛擬貨幣交易不受法律保障。

quiz-selling-usdt-freeze-prompt = 把 USDT 賣給陌生人、收對方的銀行轉帳，即使你別的什麼都沒做，銀行卡也可能被凍結。
quiz-selling-usdt-freeze-explain = 對。買家付給你的錢常常是詐騙贓款，你的卡就成了洗錢鏈條上的一環。警方會凍結資金經過的每一個帳戶。

## 出租帳戶（跑分）。

quiz-rent-account-prompt = 這則廣告裡的危險訊號是什麼？
quiz-rent-account-scenario = 兼職：出租閒置的支付帳戶或銀行卡，幫平台代收代付。每天輕鬆賺 300～800 元，不用出一分錢，隨時可退出。
quiz-rent-account-option-1 = 提領前先繳費
quiz-rent-account-option-2 = 出租帳戶（跑分）：你成了洗錢的工具
quiz-rent-account-option-3 = 冒充你會信任的官方人員
quiz-rent-account-explain = 沒人會為一個閒置帳戶每天付 300 元，除非經過它的是髒錢。帳戶是你的名字，凍卡、罰款乃至刑事責任也都落在你身上。

quiz-arbitrage-brick-prompt = 一份「搬磚套利」兼職：買家把錢匯到你的銀行卡，你再買 U 轉給對方，賺 1% 價差。你實際上在做什麼？
quiz-arbitrage-brick-option-1 = 無風險套利
quiz-arbitrage-brick-option-2 = 用你的帳戶替別人轉移資金，而這些錢常常是贓款
quiz-arbitrage-brick-option-3 = 普通的兼職
quiz-arbitrage-brick-explain = 「搬磚套利」這個說法掩蓋了實質：你的帳戶把受害人的錢換成難以追查的 USDT。這就是洗錢，帳戶持有人要負責。

quiz-lend-account-prompt = 把銀行卡或支付帳戶借給朋友「收幾筆款」，只要你不碰那些錢，就沒什麼問題。
quiz-lend-account-explain = 錯。經過你帳戶的每一筆錢都記在你名下：一旦是詐騙資金，你的帳戶會被限制，你本人也可能被追究責任。真朋友自己有帳戶。

## 網戀帶你投資（殺豬盤）。

quiz-romance-tip-prompt = 這則訊息用的是哪種手法？
quiz-romance-tip-scenario = 兩週前在網路上認識的人傳來：寶貝，我舅舅在交易所做數據，這個平台每晚 8 點有行情，我已經賺了 20 萬。你先入金 5000 試試，我帶你操作，就當為我們的將來打算。
quiz-romance-tip-option-1 = 幫你追回損失的服務
quiz-romance-tip-option-2 = 出租你的帳戶
quiz-romance-tip-option-3 = 借感情引你投資
quiz-romance-tip-explain = 這就是「殺豬盤」：先花幾週培養感情，再用「內線消息」把你引到假平台，帳面一直獲利，直到你想提領。沒見過面的人叫你投資，本身就是危險訊號。

quiz-romance-platform-prompt = 一位從未見過面的網友給你看了交易 App 上的豐厚獲利，還手把手帶你入門。你第一次小額提領成功了。接下來通常會怎樣？
quiz-romance-platform-option-1 = 對方催你加碼投入，之後提領被卡，要先繳「費用」
quiz-romance-platform-option-2 = 你們一起發財，正如承諾的那樣
quiz-romance-platform-option-3 = 對方再也不提錢的事
quiz-romance-platform-explain = 第一次提領是刻意放行的，為的是換取你的信任、讓你投入大錢。之後帳戶就會「凍結」，繳了一筆費用，還有下一筆。

quiz-never-met-investor-prompt = 只在網路上認識的人開始向你推薦投資平台，光憑這一點就該停下來。
quiz-never-met-investor-explain = 對。網戀聊著聊著就聊到投資，這是劇本，不是巧合。不管對方怎麼說，都別把錢轉給沒見過面的人。
