// DemoPay: a payment app's transfer screen that uses riskguard through its JS API only.
import init, { mount } from '/pkg/riskguard.js';

const TEXT = {
  'en-US': {
    brand: 'DemoPay', title: 'Send money', payee: 'Payee', amount: 'Amount (CNY)', memo: 'Memo',
    'new-payee': 'First transfer to this payee', restricted: 'Demo: the risk team restricted this payee',
    send: 'Send', note: 'riskguard demo: try the memo “USDT承兑”, or “房租 11月”.',
    allowed: 'Sent.', proceeded: 'Sent after the warning.', cancelled: 'Transfer cancelled.',
    blocked: 'Transfer blocked: this payee cannot receive payments.',
    invalid: 'Enter an amount such as 5000.00.', error: 'Something went wrong: ',
    'learn-title': 'Spot the scam', 'learn-start': 'Take the 1-minute quiz',
    'quiz-never': 'Six questions on the tricks scammers use.',
    'quiz-due': 'Time for a refresher: tricks change, and memory fades.',
    'quiz-fresh': (date) => `Quiz completed on ${date}. A refresher will be suggested later.`,
  },
  'zh-CN': {
    brand: 'DemoPay', title: '转账', payee: '收款方', amount: '金额（人民币）', memo: '备注',
    'new-payee': '首次向该收款方转账', restricted: '演示：风控已限制该收款方',
    send: '转账', note: 'riskguard 演示：试试备注“USDT承兑”或“房租 11月”。',
    allowed: '已转出。', proceeded: '已在提示后转出。', cancelled: '已取消转账。',
    blocked: '转账被拦截：该收款方无法收款。',
    invalid: '请输入金额，例如 5000.00。', error: '出错了：',
    'learn-title': '识破骗局', 'learn-start': '做个 1 分钟小测验',
    'quiz-never': '六道题，认识骗子常用的套路。',
    'quiz-due': '该复习了：套路会变，记忆会淡。',
    'quiz-fresh': (date) => `已于 ${date} 完成测验，之后会提醒你复习。`,
  },
  'zh-TW': {
    brand: 'DemoPay', title: '轉帳', payee: '收款方', amount: '金額（人民幣）', memo: '備註',
    'new-payee': '首次向該收款方轉帳', restricted: '示範：風控已限制該收款方',
    send: '轉帳', note: 'riskguard 示範：試試備註「USDT承兑」或「房租 11月」。',
    allowed: '已轉出。', proceeded: '已在提示後轉出。', cancelled: '已取消轉帳。',
    blocked: '轉帳被攔截：該收款方無法收款。',
    invalid: '請輸入金額，例如 5000.00。', error: '發生錯誤：',
    'learn-title': '識破騙局', 'learn-start': '做個 1 分鐘小測驗',
    'quiz-never': '六道題，認識騙子常用的套路。',
    'quiz-due': '該複習了：套路會變，記憶會淡。',
    'quiz-fresh': (date) => `已於 ${date} 完成測驗，之後會提醒你複習。`,
  },
};

/** The demo page's own language for a browser tag (riskguard negotiates its own). */
function pageLocale(tag = '') {
  if (/^zh-(Hant|TW|HK|MO)/i.test(tag)) return 'zh-TW';
  return tag.startsWith('zh') ? 'zh-CN' : 'en-US';
}

let locale = pageLocale(navigator.language);
const $ = (id) => document.getElementById(id);

function applyLocale(guard) {
  const text = TEXT[locale];
  document.documentElement.lang = { 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant' }[locale] || 'en';
  for (const el of document.querySelectorAll('[data-text]')) {
    el.textContent = text[el.dataset.text];
  }
  for (const button of document.querySelectorAll('[data-locale]')) {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  }
  guard.setLocale(locale);
  showRefresher(guard);
}

/** The quiz card's line: never taken, due for a refresher, or done recently. */
function showRefresher(guard) {
  const text = TEXT[locale];
  const refresher = guard.refresherDue();
  const status = $('quiz-status');
  status.dataset.due = String(refresher.due);
  if (!refresher.lastCompletedAt) {
    status.textContent = text['quiz-never'];
  } else if (refresher.due) {
    status.textContent = text['quiz-due'];
  } else {
    const date = new Date(refresher.lastCompletedAt).toLocaleDateString(document.documentElement.lang);
    status.textContent = text['quiz-fresh'](date);
  }
}

/** The local time with its UTC offset, e.g. 2026-11-21T23:05:00+08:00 (night matters). */
function localIsoTime(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** "5,000.50" → 500050 (fen); null when it is not an amount. */
function amountMinor(text) {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || '0').padEnd(2, '0'));
}

function showStatus(kind, extra = '') {
  const status = $('transfer-status');
  status.dataset.decision = kind;
  status.textContent = TEXT[locale][kind] + extra;
}

async function main() {
  await init();
  const guard = mount($('riskguard'), {
    locale,
    source: 'demopay-web',
    helpUrl: '/help.html',
    onReport: (report) => console.info('riskguard: user reported a wrong warning', report),
  });
  window.riskguard = guard; // for the browser console and end-to-end tests
  applyLocale(guard);

  for (const button of document.querySelectorAll('[data-locale]')) {
    button.addEventListener('click', () => {
      locale = button.dataset.locale;
      applyLocale(guard);
    });
  }

  $('transfer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const amount = amountMinor($('amount').value);
    if (amount === null) {
      showStatus('invalid');
      return;
    }
    const flags = $('payee-restricted').checked ? ['collection_restricted'] : [];
    const transfer = {
      id: crypto.randomUUID(),
      amount_minor: amount,
      currency: 'CNY',
      memo: $('memo').value,
      payee: { display_name: $('payee-name').value, is_new: $('payee-new').checked, flags },
      initiated_at: localIsoTime(),
      channel: 'p2p',
    };
    $('transfer-status').textContent = '';
    try {
      showStatus(await guard.check(transfer));
    } catch (error) {
      showStatus('error', error.message);
    }
  });
  $('quiz-start').addEventListener('click', async () => {
    await guard.startQuiz();
    showRefresher(guard);
  });
  $('transfer-submit').disabled = false;
  $('quiz-start').disabled = false;
  document.body.dataset.ready = 'true';
  watchLocales(guard);
}

/**
 * Live text preview for content editors: while `cargo xtask demo` runs, the collector serves
 * `locales/` and a fingerprint of it; when a saved .ftl changes the fingerprint, every file is
 * handed to riskguard again (it merges them over its compiled-in text, no rebuild).
 * Outside demo mode `/dev/locales/version` does not exist and this stops after one request.
 */
async function watchLocales(guard) {
  const versionOf = async () => {
    const response = await fetch('/dev/locales/version', { cache: 'no-store' });
    return response.ok ? response.json() : null;
  };
  let last = await versionOf().catch(() => null);
  if (!last) return;
  const status = document.createElement('p');
  status.className = 'app__note';
  status.id = 'live-text';
  status.setAttribute('role', 'status');
  document.querySelector('main').append(status);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await versionOf().catch(() => null);
    if (!now || now.version === last.version) continue;
    last = now;
    const problems = [];
    for (const file of now.files) {
      const [tag] = file.split('/');
      const source = await (await fetch(`/locales/${file}`, { cache: 'no-store' })).text();
      try {
        guard.setMessages(tag, source, file);
      } catch (error) {
        problems.push(error.message);
      }
    }
    status.dataset.version = now.version;
    status.textContent = problems.length
      ? `Live text: ${problems.join(' · ')}`
      : `Live text updated from locales/ (${now.files.length} files).`;
  }
}

main().catch((error) => {
  $('transfer-status').textContent = `riskguard failed to start: ${error.message}`;
});
