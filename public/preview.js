// The preview page: every warning and quiz screen in every locale, or one screen alone when the
// query string names it (used by the accessibility tests and by content editors).
import init, { preview } from '/pkg/riskguard.js';

const LOCALES = ['en-US', 'zh-CN', 'zh-TW'];
const LEVELS = ['low', 'medium', 'high', 'blocked'];
const CATEGORIES = ['otc_trading', 'false_returns', 'token_offering', 'mining_scheme',
  'money_mule', 'unlock_fee', 'flagged_payee', 'unusual_pattern'];

function cell(grid, caption, options) {
  const figure = document.createElement('figure');
  figure.className = 'preview__cell';
  const label = document.createElement('figcaption');
  label.textContent = caption;
  const host = document.createElement('div');
  figure.append(label, host);
  grid.append(figure);
  preview(host, { ...options, inline: true });
}

/** The linter's findings on locales/ (only while `cargo xtask demo` serves them). */
async function showLint() {
  const response = await fetch('/dev/locales/lint', { cache: 'no-store' }).catch(() => null);
  if (!response || !response.ok) return;
  const diagnostics = await response.json();
  const section = document.createElement('section');
  section.className = 'preview__lint';
  section.dataset.rgLint = String(diagnostics.length);
  const title = document.createElement('h2');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  title.textContent = `locales check: ${errors} errors, ${diagnostics.length - errors} warnings`;
  const list = document.createElement('ul');
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.textContent = `${d.severity}[${d.code}] ${d.file}:${d.line}:${d.column} ${d.message} — ${d.excerpt}`;
    list.append(item);
  }
  section.append(title, list);
  document.getElementById('preview-grid').before(section);
}

async function main() {
  await init();
  const params = new URLSearchParams(location.search);
  if (params.has('level') || params.has('screen')) {
    const options = {};
    for (const key of ['level', 'category', 'locale', 'screen', 'payeeName', 'kind']) {
      if (params.has(key)) options[key] = params.get(key);
    }
    if (params.has('variant')) options.variant = Number(params.get('variant'));
    document.querySelector('main').hidden = true;
    const tag = options.locale || 'en';
    document.documentElement.lang = /^zh-(Hant|TW|HK|MO)/i.test(tag) ? 'zh-Hant'
      : tag.startsWith('zh') ? 'zh-Hans' : 'en';
    preview(document.getElementById('preview-single'), options);
  } else {
    await showLint();
    const grid = document.getElementById('preview-grid');
    for (const category of CATEGORIES) {
      for (const locale of LOCALES) {
        cell(grid, `${category} · medium · ${locale}`, { level: 'medium', category, locale });
      }
    }
    for (const level of LEVELS.filter((l) => l !== 'medium')) {
      for (const locale of LOCALES) {
        cell(grid, `${level} · ${locale}`, { level, category: 'otc_trading', locale });
      }
    }
    for (const kind of ['single-choice', 'true-false', 'spot-the-red-flag']) {
      for (const locale of LOCALES) {
        cell(grid, `quiz · ${kind} · ${locale}`, { screen: 'quiz', kind, locale });
      }
    }
  }
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  document.body.textContent = `riskguard preview failed: ${error.message}`;
});
