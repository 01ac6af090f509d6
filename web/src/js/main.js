// The router: location.hash picks the view. #/ stories, #/story/ID, #/article/ID,
// #/articles?..., #/events?..., #/entities?..., #/entity/ID, #/search?q=...

const ROUTES = [
  [/^#?\/?$/, (v) => renderStories(v), 'stories'],
  [/^#\/story\/([^?]+)/, (v, m) => renderStory(v, decodeURIComponent(m[1])), 'stories'],
  [/^#\/article\/([^?]+)/, (v, m) => renderArticle(v, decodeURIComponent(m[1])), 'articles'],
  [/^#\/articles/, (v, m, p) => renderArticles(v, p), 'articles'],
  [/^#\/events/, (v, m, p) => renderEvents(v, p), 'events'],
  [/^#\/entities/, (v, m, p) => renderEntities(v, p), 'entities'],
  [/^#\/entity\/([^?]+)/, (v, m) => renderEntity(v, decodeURIComponent(m[1])), 'entities'],
  [/^#\/search/, (v, m, p) => renderSearch(v, p), ''],
];

let renderSeq = 0;

async function route() {
  const seq = ++renderSeq;
  const hash = location.hash || '#/';
  const view = document.getElementById('view');
  clear(view);
  tip.hide();
  view.setAttribute('aria-busy', 'true');
  const match = ROUTES.find(([re]) => re.test(hash.split('?')[0]));
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', !!match && a.dataset.nav === match[2]);
  // Render into a detached node, then swap in, so a slow earlier view cannot overwrite a later one.
  const fresh = h('div', {});
  try {
    if (!match) fresh.append(empty('صفحة غير موجودة.'));
    else await match[1](fresh, hash.split('?')[0].match(match[0]), hashParams(hash));
  } catch (err) {
    fresh.append(errorBox(err));
  }
  if (seq !== renderSeq) return;
  clear(view).append(...fresh.childNodes);
  view.removeAttribute('aria-busy');
  view.dataset.route = match ? match[2] || 'search' : 'none';
  window.scrollTo(0, 0);
}

async function showStats() {
  try {
    const st = await api('stats');
    append(clear(document.getElementById('stats')), [
      fmtNum(st.articles), ' مقالة · ', fmtNum(st.stories), ' قصة · ', fmtNum(st.entities), ' كيان · ',
      fmtNum(st.events), ' حدث · ', fmtNum(st.quotes), ' اقتباس',
      st.first_published ? [' · ', fmtDate(st.first_published), ' ← ', fmtDate(st.last_published)] : null,
      ' · ', h('a', { href: '/api/openapi.json' }, 'API')]);
  } catch (e) { /* the footer is optional */ }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) location.hash = '#/search' + qs({ q });
});
window.addEventListener('hashchange', route);
route();
showStats();
