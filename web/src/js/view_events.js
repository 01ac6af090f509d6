// Events explorer (filters, a dyad chart, the actor network) and the entity pages.

const MODES = [['', 'الكل'], ['asserted', 'مؤكَّد'], ['negated', 'منفي'], ['future', 'مستقبلي'], ['hypothetical', 'افتراضي']];

async function renderEvents(view, params) {
  view.append(h('h1', {}, 'مستكشف الأحداث'));
  const field = (name, label, attrs) => h('label', {}, label,
    h('input', Object.assign({ name, value: params[name] || '', dir: 'ltr' }, attrs || {})));
  const form = h('form', { class: 'filters', id: 'event-filters' },
    field('actor', 'الفاعل (RUS، USA، اسم)'), field('target', 'المستهدَف'),
    field('root', 'الجذر (CAMEO)', { size: 3 }),
    h('label', {}, 'النمط', h('select', { name: 'mode' }, MODES.map(([v, t]) => h('option', { value: v, selected: (params.mode || '') === v }, t)))),
    field('since', 'من', { type: 'date' }), field('until', 'إلى', { type: 'date' }),
    h('label', {}, 'التجميع', h('select', { name: 'by' }, [['day', 'يوم'], ['week', 'أسبوع'], ['month', 'شهر']].map(([v, t]) =>
      h('option', { value: v, selected: (params.by || 'day') === v }, t)))),
    h('button', { type: 'submit' }, 'عرض'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/events' + qs(Object.fromEntries(new FormData(form)));
  });
  view.append(form);

  const filters = { actor: params.actor, target: params.target, root: params.root, mode: params.mode,
                    since: params.since, until: params.until };
  // Dyad chart: needs two actors.
  view.append(h('h2', {}, 'العلاقة بين طرفين'));
  if (params.actor && params.target) {
    const dyad = await api('dyad', { a: params.actor, b: params.target, by: params.by || 'day', since: params.since, until: params.until });
    view.append(h('p', { class: 'muted' }, h('bdi', { class: 'code', dir: 'ltr' }, dyad.a + ' ↔ ' + dyad.b), ': متوسط مقياس غولدشتاين وتوزيع الفئات الأربع عبر الزمن'));
    view.append(dyad.items.length ? h('div', { class: 'chart', id: 'dyad-chart' }, dyadChart(dyad.items))
                                  : empty('لا أحداث بين الطرفين في هذه المدة.'));
  } else {
    view.append(empty('اختر فاعلاً ومستهدَفاً (مثل RUS و USA) لرسم العلاقة بينهما.'));
  }

  const [events, network] = await Promise.all([
    api('events', Object.assign({ limit: 100 }, filters)),
    api('network', { since: params.since, until: params.until, root: params.root, limit: 80 }),
  ]);
  view.append(h('h2', {}, 'شبكة الفاعلين'));
  view.append(network.items.length
    ? h('div', { class: 'chart', id: 'network' }, networkGraph(network.items, (actor) => {
        location.hash = '#/events' + qs(Object.assign({}, params, params.actor && params.actor !== actor ? { target: actor } : { actor }));
      }))
    : empty('لا أحداث مسجلة بعد بين فاعلين معروفين.'));
  view.append(h('h2', {}, 'الأحداث'));
  if (!events.items.length) { view.append(empty('لا أحداث تطابق التصفية.')); return; }
  view.append(h('table', { id: 'events-table' },
    h('thead', {}, h('tr', {}, ['التاريخ', 'الفاعل', 'المستهدَف', 'الرمز', 'غولدشتاين', 'الفئة', 'النمط', 'التقارير', 'الدليل'].map((t) => h('th', {}, t)))),
    h('tbody', {}, events.items.map((r) => h('tr', {},
      h('td', {}, fmtDate(r.date)),
      h('td', {}, code(r.event.source.cameo), h('br'), h('span', { class: 'muted' }, bdi(r.event.source.name_en))),
      h('td', {}, code(r.event.target.cameo), h('br'), h('span', { class: 'muted' }, bdi(r.event.target.name_en))),
      h('td', {}, code(r.event.cameo_code)),
      h('td', { class: 'num' }, signed(r.event.goldstein)),
      h('td', { class: 'num' }, fmtNum(r.event.quad_class)),
      h('td', {}, bdi(r.event.mode)),
      h('td', { class: 'num' }, fmtNum(r.num_articles), ' / ', fmtNum(r.num_sources)),
      h('td', {}, h('a', { href: '#/article/' + encodeURIComponent(r.article_id) }, bdi(cut(r.event.evidence.text, 120)))))))));
}

async function renderEntities(view, params) {
  view.append(h('h1', {}, 'الكيانات'));
  const types = [['', 'الكل'], ['PERSON', 'أشخاص'], ['ORG', 'منظمات'], ['GPE', 'دول ومدن'], ['LOC', 'أماكن'], ['MEDIA', 'إعلام'], ['OTHER', 'أخرى']];
  const form = h('form', { class: 'filters' },
    h('label', {}, 'النوع', h('select', { name: 'type' }, types.map(([v, t]) => h('option', { value: v, selected: (params.type || '') === v }, t)))),
    h('label', {}, 'الدولة (ISO3)', h('input', { name: 'country', value: params.country || '', dir: 'ltr', size: 4 })),
    h('button', { type: 'submit' }, 'تصفية'));
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/entities' + qs(Object.fromEntries(new FormData(form))); });
  view.append(form);
  const data = await api('entities', { type: params.type, country: params.country, limit: 100 });
  if (!data.items.length) { view.append(empty('لا كيانات بعد: تظهر حين يتعرف مرصد على الأسماء في المقالات.')); return; }
  view.append(h('table', {},
    h('thead', {}, h('tr', {}, ['الاسم', 'English', 'النوع', 'الدولة', 'المقالات', 'الذكر'].map((t) => h('th', {}, t)))),
    h('tbody', {}, data.items.map((e) => h('tr', {},
      h('td', {}, h('a', { href: '#/entity/' + encodeURIComponent(e.id) }, bdi(e.name_ar))),
      h('td', {}, bdi(e.name_en, { dir: 'ltr' })), h('td', {}, code(e.type)), h('td', {}, code(e.country)),
      h('td', { class: 'num' }, fmtNum(e.articles)), h('td', { class: 'num' }, fmtNum(e.mentions)))))));
}

async function renderEntity(view, id) {
  const d = await api('entities/' + encodeURIComponent(id));
  const e = d.entity;
  view.append(h('h1', {}, bdi(e.name_ar || e.name_en), ' ', h('span', { class: 'muted' }, bdi(e.name_en, { dir: 'ltr' }))));
  view.append(h('p', {}, code(e.type), ' · ', code(e.country), e.cameo ? [' · CAMEO ', code(e.cameo)] : null, ' · ',
                fmtNum(e.articles), ' مقالات · ', fmtNum(e.mentions), ' ذكر'));
  view.append(h('h2', {}, 'الذكر عبر الزمن'));
  view.append(d.by_day.length ? h('div', { class: 'chart' }, sparkline(d.by_day, 600, 80)) : empty('لا بيانات.'));
  view.append(h('h2', {}, 'يُذكر مع'));
  view.append(d.co_occurring.length ? h('div', {}, d.co_occurring.map((c) => h('a', { class: 'pill', href: '#/entity/' + encodeURIComponent(c.name) },
                                                                         bdi(c.name), ' ', fmtNum(c.articles)))) : empty('لا شيء بعد.'));
  view.append(h('h2', {}, 'صيغ الكتابة'));
  view.append(h('div', {}, d.spellings.map((sp) => h('span', { class: 'pill' }, bdi(sp.text), ' ', fmtNum(sp.mentions)))));
  view.append(h('p', {}, h('a', { href: '#/articles' + qs({ entity: e.id }) }, 'مقالات تذكره'), ' · ',
                h('a', { href: '#/events' + qs({ actor: e.cameo || e.id }) }, 'أحداثه')));
}
