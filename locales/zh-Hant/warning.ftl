### 風險提示的框架：操作按鈕、用途問題、輕提示、「提示有誤」入口，以及轉帳被攔截的對話框。
### 每個類別的具體文字在 categories.ftl 中。
### 含變數的訊息，會在其上方的註解中說明變數意義。

## 轉帳詳情。

warning-payee-label = 收款方
warning-amount-label = 金額
warning-time-label = 時間
# 宿主應用程式未提供收款方名稱時顯示。
warning-payee-unknown = 未提供

## 操作。「取消轉帳」是安全選項，排在最前面。

warning-cancel = 取消轉帳
warning-understand = 我了解風險
warning-proceed-hint = 只有在你本人認識這個收款方，而且沒有任何人指導你操作時，才繼續。
warning-proceed = 仍要轉帳
warning-learn = 這種騙局是怎麼運作的？做個 1 分鐘小測驗

## 用途問題：高風險提示在提供繼續選項之前先問。

purpose-question = 這筆錢是用來做什麼的？
purpose-family-friends = 給我當面認識的家人或朋友
purpose-goods-services = 購買商品或服務
purpose-investment = 投資或賺錢的管道
purpose-buying-crypto = 購買 USDT（泰達幣）、比特幣等虛擬貨幣
purpose-unlock-fee = 為了解凍、提領而支付的手續費、稅金或保證金
purpose-other = 其他
guided-question = 是否有人透過電話、聊天軟體或當面告訴你該怎麼操作？
guided-yes = 是
guided-no = 否
purpose-continue = 繼續
escalated-title = 請停下來：這正是騙局的手法
escalated-body = 騙子會一步步「指導」受害人完成這樣的轉帳，而真正的投資、商家或平台都不需要你這樣付款。這筆轉帳無法在此繼續。請掛斷電話或離開聊天，先和你信任的人商量。

## 低風險轉帳的輕提示。

hint-title = 轉帳前請先停一下
hint-dismiss = 知道了

## 「提示有誤」。

report-wrong = 提示有誤？告訴我們
report-thanks = 謝謝你的回饋，我們會查核這則提示。你仍然可以取消或繼續。

## 轉帳被攔截的對話框。

blocked-title = 無法完成這筆轉帳
blocked-body = 這個收款方帳戶涉及非法虛擬貨幣交易，已被限制收款。你的錢沒有轉出。
blocked-acknowledge = 好的，我知道了
blocked-help = 取得協助或提出申訴
