// Stories: the latest stories (outlets, a sparkline of their articles over time), one
// story with its articles in time order, and the plain article list.

function storyCard(st) {
  return h('li', { class: 'card story', 'data-story': st.id },
    h('h3', {}, h('a', { href: '#/story/' + encodeURIComponent(st.id) }, bdi(st.title || st.id))),
    h('div', { class: 'meta' },
      sparkline(st.timeline || []),
      h('span', {}, fmtNum(st.article_count), ' مقالات'),
      h('span', {}, fmtNum(st.outlet_count), ' مصادر'),
      h('span', { class: 'muted' }, fmtDate(st.first_seen), ' ← ', fmtDate(st.last_seen))),
    h('div', {}, (st.sources || []).slice(0, 5).map((x) => h('span', { class: 'pill' }, bdi(x.name), ' ', fmtNum(x.articles)))));
}

function articleItem(a, extra) {
  return h('li', { 'data-article': a.id },
    h('a', { href: '#/article/' + encodeURIComponent(a.id) }, bdi(a.title || '(بلا عنوان)')),
    ' ', h('span', { class: 'muted' }, '— ', bdi(a.source || 'مصدر غير معروف'), ' · ', fmtDate(a.published || a.date)),
    a.duplicate_of ? h('span', { class: 'dup' }, 'مكرر') : null, extra || null);
}

async function renderStories(view) {
  view.append(h('h1', {}, 'أحدث القصص'));
  const data = await api('stories', { limit: 30 });
  if (!data.items.length) {
    view.append(empty('لا توجد قصص بعد: تظهر القصص حين تُجمع المقالات المتشابهة. هذه أحدث المقالات:'));
    const latest = await api('articles', { limit: 20 });
    if (!latest.items.length) {
      view.append(empty('قاعدة البيانات فارغة. أضف مقالات: marsad ingest PATH --db FILE'));
      return;
    }
    view.append(h('ul', { class: 'list' }, latest.items.map((a) => articleItem(a))));
    return;
  }
  view.append(h('ul', { class: 'cards' }, data.items.map(storyCard)));
}

async function renderStory(view, id) {
  const data = await api('stories/' + encodeURIComponent(id));
  const st = data.story;
  view.append(h('h1', {}, bdi(st.title || st.id)));
  view.append(h('p', { class: 'meta' },
    sparkline(st.timeline || [], 320, 48), ' ',
    fmtNum(st.article_count), ' مقالات من ', fmtNum(st.outlet_count), ' مصادر · ',
    fmtDate(st.first_seen), ' ← ', fmtDate(st.last_seen)));
  view.append(h('div', {}, (st.sources || []).map((x) => h('span', { class: 'pill' }, bdi(x.name), ' ', fmtNum(x.articles)))));
  if ((st.entities || []).length) {
    view.append(h('h2', {}, 'الكيانات'));
    view.append(h('div', {}, st.entities.map((x) => h('a', { class: 'pill', href: '#/entity/' + encodeURIComponent(x.name) },
                                                      bdi(x.name), ' ', fmtNum(x.articles)))));
  }
  view.append(h('h2', {}, 'المقالات بترتيب زمني'));
  if (!data.articles.length) view.append(empty('لا مقالات في هذه القصة.'));
  else view.append(h('ol', { class: 'list story-articles' }, data.articles.map((a) => articleItem(a))));
}

async function renderArticles(view, params) {
  view.append(h('h1', {}, 'المقالات'));
  const limit = 30, offset = Number(params.offset || 0);
  const form = h('form', { class: 'filters' },
    h('label', {}, 'المصدر', h('input', { name: 'source', value: params.source || '', dir: 'auto' })),
    h('label', {}, 'من', h('input', { name: 'since', type: 'date', value: params.since || '' })),
    h('label', {}, 'إلى', h('input', { name: 'until', type: 'date', value: params.until || '' })),
    h('label', {}, 'كيان', h('input', { name: 'entity', value: params.entity || '', dir: 'auto' })),
    h('label', {}, 'المكررات', h('select', { name: 'duplicates' },
      [['include', 'الكل'], ['exclude', 'بدون المكررات'], ['only', 'المكررات فقط']].map(([v, t]) =>
        h('option', { value: v, selected: (params.duplicates || 'include') === v }, t)))),
    h('button', { type: 'submit' }, 'تصفية'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    location.hash = '#/articles' + qs(f);
  });
  view.append(form);
  const q = { source: params.source, since: params.since, until: params.until, entity: params.entity,
              duplicates: params.duplicates, limit, offset };
  const data = await api('articles', q);
  view.append(h('p', { class: 'muted' }, fmtNum(data.total), ' مقالة'));
  if (!data.items.length) { view.append(empty('لا مقالات تطابق التصفية.')); return; }
  view.append(h('ul', { class: 'list' }, data.items.map((a) => articleItem(a,
    h('div', { class: 'muted' }, bdi(cut(a.snippet, 160)))))));
  view.append(pager(offset, limit, data.next_offset, (o) => { location.hash = '#/articles' + qs(Object.assign({}, params, { offset: o })); }));
}

function pager(offset, limit, next, go) {
  return h('div', { class: 'pager' },
    offset > 0 ? h('button', { class: 'secondary', onclick: () => go(Math.max(0, offset - limit)) }, 'السابق') : null,
    next !== null && next !== undefined ? h('button', { class: 'secondary', onclick: () => go(next) }, 'التالي') : null);
}
