// One article: main text with entities, quotes and event evidence highlighted; panels
// for them; the removed boilerplate, related articles and duplicates foldable.

async function renderArticle(view, id) {
  const data = await api('articles/' + encodeURIComponent(id));
  const a = data.article;
  view.append(h('h1', {}, bdi(a.title || '(بلا عنوان)')));
  view.append(h('p', { class: 'muted' },
    bdi(a.source || 'مصدر غير معروف'), ' · ', fmtDate(a.published), a.author ? [' · ', bdi(a.author)] : null,
    a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr' }, 'الرابط الأصلي')] : null,
    data.story ? [' · القصة: ', h('a', { href: '#/story/' + encodeURIComponent(data.story.id) }, bdi(data.story.title))] : null,
    a.duplicate_of ? [' · ', h('a', { href: '#/article/' + encodeURIComponent(a.duplicate_of) }, 'مكرر لمقالة سابقة')] : null));
  const anns = articleAnnotations(a);
  const main = h('div', {},
    h('p', { class: 'legend muted' }, h('span', { class: 'ent' }, 'كيان'), h('span', { class: 'quote' }, 'اقتباس'),
      h('span', { class: 'event' }, 'دليل حدث'), anns.length ? null : ' — لا توجد علامات لهذه المقالة بعد'),
    annotatedText(a.text, anns));
  main.append(folded('duplicates', `المقالات المكررة (${data.duplicates.length})`, data.duplicates.length
    ? h('ul', { class: 'list' }, data.duplicates.map((d) => articleItem(d))) : empty('لا مكررات.')));
  main.append(folded('removed', `ما حذفه المنظِّف (${a.removed.length})`, a.removed.length
    ? a.removed.map((r) => h('div', { class: 'block' }, h('span', { class: 'pill code', dir: 'ltr' }, r.kind), ' ', bdi(r.text)))
    : empty('لم يُحذف شيء.')));
  main.append(folded('related', `مقالات ملحقة (${a.related.length})`, a.related.length
    ? a.related.map((r) => h('div', { class: 'block' }, r.title ? h('strong', {}, bdi(r.title), h('br')) : null, bdi(r.text)))
    : empty('لا مقالات ملحقة.')));
  const side = h('aside', {},
    h('section', {}, h('h2', {}, 'الكيانات'), a.entities.length
      ? h('ul', { class: 'list' }, a.entities.map((e) => h('li', {},
          h('a', { href: '#/entity/' + encodeURIComponent(e.id) }, bdi(e.name_ar || e.name_en)), ' ',
          h('span', { class: 'muted' }, bdi(e.name_en, { dir: 'ltr' }), ' · ', code(e.type), e.cameo ? [' · ', code(e.cameo)] : null))))
      : empty('لا كيانات.')),
    h('section', {}, h('h2', {}, 'الاقتباسات'), a.quotes.length
      ? h('ul', { class: 'list' }, a.quotes.map((q) => h('li', {}, h('strong', {}, bdi(q.speaker_name)), ': «', bdi(q.text), '»')))
      : empty('لا اقتباسات.')),
    h('section', {}, h('h2', {}, 'الأحداث'), a.events.length
      ? h('ul', { class: 'list' }, a.events.map((ev) => h('li', {},
          dyadCodes(ev.source.cameo, ev.target.cameo), ' · ', code(ev.cameo_code), ' ',
          h('span', { class: 'muted' }, bdi(ev.plover), ' · Goldstein ', signed(ev.goldstein), ' · ', bdi(ev.mode)))))
      : empty('لا أحداث.')),
    a.keywords.length ? h('section', {}, h('h2', {}, 'الوسوم'), a.keywords.map((k) => h('span', { class: 'pill' }, bdi(k)))) : null);
  view.append(h('div', { class: 'layout' }, main, side));
}

function folded(name, title, body) {
  return h('details', { 'data-fold': name }, h('summary', {}, title), body);
}
