### 各風險類別的提示文字：標題、點出的話術、使用者當下就能回答的三個問題，以及繼續操作的後果。
### 內容編輯可以修改這裡的任何文字；請保持訊息 ID 不變，並在各語言檔案中使用相同的 ID。
### 這些訊息都不含變數。

## 通用標籤與可能性說明（依風險等級說明這是詐騙的可能性）。

warning-likelihood-medium = 這類轉帳常常與詐騙有關。
warning-likelihood-high = 這筆轉帳有明顯的詐騙特徵。
warning-technique-label = 手法：
warning-ask-label = 先問問自己：
warning-consequence-label = 如果繼續：

## otc-trading：透過幣商買賣 USDT 等虛擬貨幣（場外交易、承兌）。

warning-otc-trading-title = 這筆轉帳疑似透過幣商買賣 USDT 等虛擬貨幣
warning-otc-trading-technique = 幣商私下開出比市價更划算的價格
warning-otc-trading-explain = 幣商敢開出好價格，是因為經手的錢常常是詐騙受害人被騙走的資金。受害人一報案，這筆錢經過的銀行卡都可能被凍結。
warning-otc-trading-ask-1 = 你在現實生活中見過這位幣商嗎？
warning-otc-trading-ask-2 = 是網路上認識的人叫你買賣 USDT 的嗎？
warning-otc-trading-ask-3 = 對方有沒有叫你在轉帳備註裡不要寫「USDT」「幣」之類的字眼？
warning-otc-trading-consequence = 你的銀行卡可能被凍結，而且得不到法律保障：在中國內地，虛擬貨幣交易屬於非法金融活動。

## false-returns：承諾「保證獲利」或固定高報酬的投資。

warning-false-returns-title = 這筆轉帳疑似「穩賺不賠」的投資騙局
warning-false-returns-technique = 承諾保證獲利
warning-false-returns-explain = 真正的投資都可能虧損，只有騙子才會保證獲利。先讓你小賺幾筆，是為了讓你投入更多，然後捲款消失。
warning-false-returns-ask-1 = 對方是否承諾了固定報酬，或者說「穩賺不賠」？
warning-false-returns-ask-2 = 這個投資是網路上新認識的朋友或「老師」推薦的嗎？
warning-false-returns-ask-3 = 對方是否要你對家人或銀行保密？
warning-false-returns-consequence = 平台上顯示的獲利並不真實，平台一關閉，你投入的錢通常無法追回。

## token-offering：為新幣、發幣（ICO）或空投付費。

warning-token-offering-title = 這筆轉帳疑似為新幣、空投或發幣付費
warning-token-offering-technique = 製造緊迫感，催你搶先上車
warning-token-offering-explain = 騙子說新幣一上線就會翻倍、名額有限，讓你來不及細想就付錢。領「免費」的幣卻要先付錢，是典型的詐騙警訊。
warning-token-offering-ask-1 = 對方是否說名額有限，或者馬上就要漲價？
warning-token-offering-ask-2 = 你是在群組裡，或從網路上認識的人那裡聽說這個幣的嗎？
warning-token-offering-ask-3 = 領取所謂「免費」的幣，是否要你先付錢？
warning-token-offering-consequence = 這類新幣往往賣不掉或一文不值，而發幣融資在中國內地是被禁止的，損失得不到法律保障。

## mining-scheme：礦機、雲端算力合約等「挖礦」方案。

warning-mining-scheme-title = 這筆轉帳疑似購買礦機或雲端算力合約
warning-mining-scheme-technique = 不用費心就能躺著賺的「挖礦」收益
warning-mining-scheme-explain = 對方說買台礦機或租點算力，每天就能自動產幣。中國內地已明令整治虛擬貨幣「挖礦」，很多這類合約背後根本沒有真實的礦機，發給你的「收益」其實來自後來加入者的錢。
warning-mining-scheme-ask-1 = 你買的礦機，你能親眼看到、實地去看嗎？
warning-mining-scheme-ask-2 = 對方是否鼓勵你拉親友加入，好多賺一些？
warning-mining-scheme-ask-3 = 這個方案是網路上或群組裡認識的人介紹給你的嗎？
warning-mining-scheme-consequence = 平台一旦捲款潛逃，礦機、合約和幣都會消失，你付的錢無法追回。

## money-mule：跑分、代收代付、出租或出借帳戶和銀行卡，替別人轉錢。

warning-money-mule-title = 這筆轉帳疑似用你的帳戶替別人轉錢
warning-money-mule-technique = 用佣金誘使你出借帳戶（跑分）
warning-money-mule-explain = 對方要你用自己的帳戶代收代付，或把帳戶、銀行卡借給他們，每筆給你佣金。這些錢大多來自詐騙受害人，警方追查時，找到的是帳戶的主人，也就是你。
warning-money-mule-ask-1 = 這筆錢是你自己的，還是在替別人轉？
warning-money-mule-ask-2 = 收這筆錢或轉出這筆錢，有人給你報酬嗎？
warning-money-mule-ask-3 = 有沒有別人拿著你的銀行卡，或者知道你的登入密碼、支付密碼？
warning-money-mule-consequence = 你的帳戶和銀行卡可能被凍結，在中國內地還可能因「幫助信息網絡犯罪活動罪」（幫信罪）被追究刑事責任。

## unlock-fee：提領前被要求先繳解凍費、稅金或保證金。

warning-unlock-fee-title = 這筆轉帳疑似提領前被要求繳的「解凍費」
warning-unlock-fee-technique = 先付錢，才能提領
warning-unlock-fee-explain = 對方說你帳戶裡有一大筆錢，但被凍結了，要先繳解凍費、稅金或保證金才能領出來。正規平台會從餘額裡扣費，不會要你另外轉錢；這筆繳了，還會有下一筆。
warning-unlock-fee-ask-1 = 是不是要你先付錢，才能把錢領出來？
warning-unlock-fee-ask-2 = 這筆費用是轉到個人帳戶，而不是平台本身嗎？
warning-unlock-fee-ask-3 = 你是否已經繳過一次費用，現在又被要求再繳？
warning-unlock-fee-consequence = 頁面上的餘額並不真實，你領不出來，新付的每一筆錢也都會損失。

## flagged-payee：風控團隊認定與虛擬貨幣交易有關的收款方。

warning-flagged-payee-title = 風控團隊發現這個收款方涉嫌虛擬貨幣交易
warning-flagged-payee-technique = 幣商帳戶偽裝成一般收款方
warning-flagged-payee-explain = 幣商常用看起來很普通的個人帳戶收款，還會要你寫看似平常的備註，讓轉帳顯得很正常。我們的風控團隊發現這個帳戶參與過場外虛擬貨幣交易。
warning-flagged-payee-ask-1 = 你本人知道這個帳戶是誰的嗎？
warning-flagged-payee-ask-2 = 這個帳戶是群組裡或聊天中有人傳給你的嗎？
warning-flagged-payee-ask-3 = 對方是否告訴你備註該寫什麼，或者要你別寫備註？
warning-flagged-payee-consequence = 轉給這個帳戶的錢可能被凍結或無法追回，虛擬貨幣交易在中國內地也得不到法律保障。

## unusual-pattern：今天新增多個收款方、金額湊整且略低於限額、深夜轉帳。
## 可能有人正在指導使用者操作。

warning-unusual-pattern-title = 這筆轉帳和你平常的付款習慣不一樣
warning-unusual-pattern-technique = 有人一步步指導你操作
warning-unusual-pattern-explain = 騙子常在電話或聊天裡一步步告訴你怎麼轉：一天內轉給多個新收款方、每筆金額略低於限額、深夜操作。這樣做是為了避開風控，也不給你停下來想一想的時間。
warning-unusual-pattern-ask-1 = 現在是否有人在電話或聊天裡告訴你該怎麼操作？
warning-unusual-pattern-ask-2 = 對方是否要你把錢拆成幾筆，或讓每筆都低於某個限額？
warning-unusual-pattern-ask-3 = 對方是否要你別告訴銀行、警察或家人？
warning-unusual-pattern-consequence = 錢一旦轉進騙子的帳戶，很快就會被轉走，通常無法追回。
