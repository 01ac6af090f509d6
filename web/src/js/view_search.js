// Search results: ranked, grouped by story; matched words marked.

async function renderSearch(view, params) {
  const q = params.q || '';
  document.getElementById('search-input').value = q;
  view.append(h('h1', {}, 'نتائج البحث عن ', bdi('«' + q + '»')));
  if (!q.trim()) { view.append(empty('اكتب كلمة في مربع البحث.')); return; }
  const offset = Number(params.offset || 0), limit = 20;
  const data = await api('search', { q, limit, offset });
  view.append(h('p', { class: 'muted', id: 'search-summary' }, fmtNum(data.total_articles), ' مقالة في ', fmtNum(data.total), ' مجموعة',
                data.engine === 'substring' ? ' (بحث نصي بسيط)' : null));
  if (!data.items.length) { view.append(empty('لا نتائج. جرّب كلمات أقل أو صيغة أخرى للاسم.')); return; }
  const results = h('div', { id: 'search-results' });
  for (const g of data.items) {
    const head = g.story
      ? h('h3', {}, 'قصة: ', h('a', { href: '#/story/' + encodeURIComponent(g.story.id) }, bdi(g.story.title || g.story.id)),
          ' ', h('span', { class: 'muted' }, fmtNum(g.matches), ' نتائج'))
      : null;
    results.append(h('section', { class: 'group', 'data-story': g.story ? g.story.id : '' }, head,
      g.hits.map((hit) => h('div', { class: 'hit' },
        h('a', { class: 'hit-title', href: '#/article/' + encodeURIComponent(hit.id) }, h('bdi', { dir: textDir(hit.title) }, markSpans(hit.title || '(بلا عنوان)', hit.title_highlights))),
        ' ', h('span', { class: 'muted' }, bdi(hit.source || ''), ' · ', fmtDate(hit.published)),
        h('div', { dir: textDir(hit.snippet) }, markSpans(hit.snippet, hit.highlights))))));
  }
  view.append(results);
  view.append(pager(offset, limit, data.next_offset, (o) => { location.hash = '#/search' + qs({ q, offset: o }); }));
}
