/* Built by web/build.mjs from web/src — do not edit; edit web/src and rebuild. */
(function () {
'use strict';
// ---- util.js
// DOM helpers. h('div', {class: 'x', onclick: fn}, child, ...) builds elements; strings
// become text nodes (never HTML), so user-provided text cannot inject markup.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// The direction of a string from the data: rtl when it has at least as many Arabic-script
// letters as other letters. (dir="auto" looks only at the first strong character, and a
// headline like "Lavrov: ..." or one opening with a flag emoji — regional indicators are
// strong left-to-right — would then be laid out left to right.)
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
function textDir(text) {
  let rtl = 0, ltr = 0;
  for (const ch of String(text || '')) {
    if (RTL_LETTER.test(ch)) rtl++;
    else if (/\p{L}/u.test(ch)) ltr++;
  }
  return rtl >= ltr ? 'rtl' : 'ltr';
}

// Text from the data (titles, names, outlets): isolated in a <bdi> so that its direction
// does not reorder the surrounding text, with the direction of its own letters.
function bdi(text, attrs) {
  const t = text === null || text === undefined ? '' : String(text);
  return h('bdi', Object.assign({ dir: textDir(t) }, attrs || {}), t);
}
// A code (CAMEO actor, event code, ISO3): always left-to-right, isolated.
function code(text) { return h('bdi', { class: 'code', dir: 'ltr' }, text || '—'); }

const SVG_NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Western digits, as the outlets write them. (The 'ar' locale would put an ARABIC LETTER
// MARK before a minus sign, which breaks "-7" inside left-to-right runs.)
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
function fmtNum(n) { return n === null || n === undefined ? '—' : num.format(n); }
// A signed number for the page (Goldstein scores): an isolated left-to-right run, so that
// "-7" is never shown as "7-" in right-to-left text.
function signed(n) { return h('bdi', { dir: 'ltr', class: 'num' }, fmtNum(n)); }
// A pair of actor codes "SRC → TGT", read left to right as one unit.
function dyadCodes(src, tgt) { return h('bdi', { class: 'code', dir: 'ltr' }, (src || '?') + ' → ' + (tgt || '?')); }
// ISO dates stay ISO (unambiguous in both directions), isolated left-to-right.
function fmtDate(d) { return d ? h('bdi', { dir: 'ltr', class: 'date' }, String(d).slice(0, 10)) : '—'; }

// The first n code points of text (never half of a surrogate pair), with "…" when cut.
function cut(text, n) {
  const cps = Array.from(text || '');
  return cps.length <= n ? cps.join('') : cps.slice(0, n).join('') + '…';
}

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

function empty(text) { return h('p', { class: 'empty' }, text); }

function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, 'تعذّر التحميل: ', bdi(err.message || String(err)),
           err.hint ? h('span', { class: 'muted' }, ' — ', bdi(err.hint)) : null);
}

// Query string of a location hash: "#/events?actor=RUS" -> {actor: "RUS"}.
function hashParams(hash) {
  const i = hash.indexOf('?');
  const out = {};
  if (i < 0) return out;
  for (const [k, v] of new URLSearchParams(hash.slice(i + 1))) out[k] = v;
  return out;
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const str = p.toString();
  return str ? '?' + str : '';
}

// The shared tooltip (entity / quote / event details on hover and focus).
const tip = {
  show(target, text) {
    const t = document.getElementById('tip');
    t.textContent = text;
    t.hidden = false;
    const r = target.getBoundingClientRect();
    t.style.top = Math.min(window.innerHeight - 60, r.bottom + 6) + 'px';
    t.style.left = Math.max(8, Math.min(window.innerWidth - t.offsetWidth - 8, r.left)) + 'px';
  },
  hide() { document.getElementById('tip').hidden = true; },
};

// ---- api.js
// The JSON API (/api/..., see /api/openapi.json). Errors become Error objects carrying
// the server's {"error", "hint"}.
async function api(path, params) {
  const res = await fetch('/api/' + path + qs(params || {}), { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = new Error((body && body.error) || ('HTTP ' + res.status));
    err.hint = body && body.hint;
    err.status = res.status;
    throw err;
  }
  return body;
}

// ---- charts.js
// Hand-written SVG charts (no library). Time runs left to right, as in most Arabic news
// graphics; the charts are marked dir="ltr" so the page's RTL does not mirror their text.

// Every ISO day from first to last (inclusive): gaps in a timeline become zeros.
function dayRange(first, last) {
  const out = [];
  const d = new Date(first + 'T00:00:00Z');
  const end = new Date(last + 'T00:00:00Z');
  for (let i = 0; d <= end && i < 3660; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

// A sparkline of articles per day: timeline = [{date, articles}], oldest first.
function sparkline(timeline, width, height) {
  width = width || 140; height = height || 28;
  const label = (timeline || []).map((p) => p.date + ': ' + p.articles).join('\n');
  const svg = s('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
                         'aria-label': 'المقالات يوماً بيوم', dir: 'ltr' });
  if (!timeline || !timeline.length) return svg;
  const counts = new Map(timeline.map((p) => [p.date, p.articles]));
  const days = dayRange(timeline[0].date, timeline[timeline.length - 1].date);
  const max = Math.max(1, ...timeline.map((p) => p.articles));
  const step = days.length > 1 ? (width - 4) / (days.length - 1) : 0;
  const pts = days.map((d, i) => [2 + i * step, height - 2 - ((counts.get(d) || 0) / max) * (height - 4)]);
  if (pts.length === 1) pts.push([width - 2, pts[0][1]]);
  const line = pts.map((p, i) => (i ? 'L' : 'M') + p[0].toFixed(1) + ' ' + p[1].toFixed(1)).join(' ');
  svg.append(s('title', {}, label));
  svg.append(s('path', { class: 'area', d: `${line} L${pts[pts.length - 1][0].toFixed(1)} ${height - 2} L2 ${height - 2} Z` }));
  svg.append(s('path', { class: 'line', d: line }));
  return svg;
}

const QUAD_NAMES = ['تعاون لفظي', 'تعاون مادي', 'صراع لفظي', 'صراع مادي'];

// Dyad chart: per period, a bar of events stacked by QuadClass (1..4) and a line of the
// mean Goldstein score (-10..+10, right axis). points = [{period, events, mean_goldstein, quad_class}].
function dyadChart(points) {
  const n = points.length;
  const W = Math.max(640, n * 22 + 80), H = 260, left = 40, right = 44, top = 14, bottom = 46;
  const plotW = W - left - right, plotH = H - top - bottom;
  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, dir: 'ltr', role: 'img',
                         'aria-label': 'مخطط الأحداث بين الطرفين' });
  const maxEv = Math.max(1, ...points.map((p) => p.events));
  const bw = plotW / Math.max(1, n);
  const gy = (g) => top + plotH / 2 - (g / 10) * (plotH / 2);
  svg.append(s('line', { class: 'zero', x1: left, x2: left + plotW, y1: gy(0), y2: gy(0) }));
  svg.append(s('text', { x: W - right + 4, y: gy(10) + 4 }, '+10'));
  svg.append(s('text', { x: W - right + 4, y: gy(0) + 4 }, '0'));
  svg.append(s('text', { x: W - right + 4, y: gy(-10) + 4 }, '−10'));
  svg.append(s('text', { x: 2, y: top + 8 }, String(maxEv)));
  svg.append(s('text', { x: 2, y: top + plotH }, '0'));
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  points.forEach((p, i) => {
    const x = left + i * bw;
    let y = top + plotH;
    p.quad_class.forEach((c, q) => {
      if (!c) return;
      const hgt = (c / maxEv) * plotH;
      y -= hgt;
      svg.append(s('rect', { class: 'q' + (q + 1), x: x + bw * 0.15, y, width: Math.max(1, bw * 0.7), height: hgt },
                   s('title', {}, `${p.period}: ${c} — ${QUAD_NAMES[q]}`)));
    });
    if (i % labelEvery === 0) {
      svg.append(s('text', { x: x + bw / 2, y: H - bottom + 14, 'text-anchor': 'middle' }, p.period));
    }
  });
  const line = points.map((p, i) => (i ? 'L' : 'M') + (left + i * bw + bw / 2).toFixed(1) + ' ' +
                                    gy(p.mean_goldstein || 0).toFixed(1)).join(' ');
  if (n) svg.append(s('path', { class: 'gold', d: line }));
  points.forEach((p, i) => svg.append(s('circle', { cx: left + i * bw + bw / 2, cy: gy(p.mean_goldstein || 0), r: 3, fill: '#1d3f8f' },
                                        s('title', {}, `${p.period}: ${p.events} — Goldstein ${fmtNum(p.mean_goldstein)}`))));
  const legend = s('g', { transform: `translate(${left}, ${H - 14})` });
  QUAD_NAMES.forEach((name, q) => {
    legend.append(s('rect', { class: 'q' + (q + 1), x: q * 120, y: -9, width: 10, height: 10 }));
    legend.append(s('text', { x: q * 120 + 14, y: 0 }, name));
  });
  legend.append(s('line', { class: 'gold', x1: 490, x2: 510, y1: -4, y2: -4 }));
  legend.append(s('text', { x: 514, y: 0 }, 'Goldstein'));
  svg.append(legend);
  return svg;
}

// Who acts on whom: actors on a circle, an arrow per (source, target) pair, its width by
// the number of events and its colour by the mean Goldstein score (green co-operation,
// red conflict). edges = [{source, target, events, mean_goldstein, ...}].
function networkGraph(edges, onNode) {
  const W = 640, H = 520, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  const svg = s('svg', { class: 'net', width: W, height: H, viewBox: `0 0 ${W} ${H}`, dir: 'ltr', role: 'img',
                         'aria-label': 'شبكة الفاعلين' });
  const defs = s('defs', {});
  for (const [id, color] of [['arr', '#8894a8'], ['arr-coop', '#3b8c5a'], ['arr-conf', '#c8412f']]) {
    defs.append(s('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
                              markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
                  s('path', { d: 'M0 0 L10 5 L0 10 z', fill: color })));
  }
  svg.append(defs);
  const weight = new Map();
  const names = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
    if (e.source_name) names.set(e.source, e.source_name);
    if (e.target_name) names.set(e.target, e.target_name);
  }
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || (a < b ? -1 : 1)).slice(0, 40);
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxW = Math.max(1, ...edges.map((e) => e.events));
  const maxN = Math.max(1, ...weight.values());
  const radius = (n) => 6 + 10 * Math.sqrt(weight.get(n) / maxN);
  for (const e of edges) {
    if (!pos.has(e.source) || !pos.has(e.target) || e.source === e.target) continue;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    // Curve to one side so that A->B and B->A do not overlap; stop at the node's rim.
    const r2 = radius(e.target) + 2;
    const ex = x2 - (dx / len) * r2, ey = y2 - (dy / len) * r2;
    const mx = (x1 + ex) / 2 - (dy / len) * 24, my = (y1 + ey) / 2 + (dx / len) * 24;
    const kind = e.mean_goldstein > 1 ? 'coop' : e.mean_goldstein < -1 ? 'conf' : '';
    svg.append(s('path', { class: 'edge ' + kind, d: `M${x1.toFixed(1)} ${y1.toFixed(1)} Q${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`,
                           'stroke-width': (1 + 5 * e.events / maxW).toFixed(1), 'marker-end': `url(#${kind ? 'arr-' + kind : 'arr'})` },
                 s('title', {}, `${e.source} → ${e.target}: ${e.events} — Goldstein ${fmtNum(e.mean_goldstein)}`)));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    const g = s('g', { tabindex: 0, role: 'button', 'data-actor': n,
                       onclick: () => onNode && onNode(n), onkeydown: (ev) => { if (ev.key === 'Enter' && onNode) onNode(n); } });
    g.append(s('circle', { cx: x, cy: y, r: radius(n).toFixed(1) }, s('title', {}, `${n} ${names.get(n) || ''}: ${weight.get(n)}`)));
    const out = x >= cx;
    g.append(s('text', { x: x + (out ? 1 : -1) * (radius(n) + 4), y: y + 4, 'text-anchor': out ? 'start' : 'end' }, n));
    svg.append(g);
  }
  return svg;
}

// ---- annotate.js
// Highlighting by offsets. The API's offsets are Unicode code points into the text
// (start inclusive, end exclusive); JavaScript strings are UTF-16, where a character
// outside the BMP (an emoji, some symbols) takes two units. So the text is first split
// into code points with Array.from, and all slicing happens on that array.

// Splits text at every annotation boundary. Returns [{text, anns: [...]}] in order.
function segmentByCodePoints(text, anns) {
  const cps = Array.from(text || '');
  const n = cps.length;
  const ok = anns.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start < a.end && a.start < n)
                 .map((a) => Object.assign({}, a, { start: Math.max(0, a.start), end: Math.min(n, a.end) }));
  const cuts = new Set([0, n]);
  for (const a of ok) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    out.push({ text: cps.slice(from, to).join(''), anns: ok.filter((a) => a.start <= from && a.end >= to) });
  }
  return out;
}

// The article text with entities, quotes and event evidence marked; hovering (or
// focusing) a mark shows what it is (actor codes, event code) in the tooltip.
function annotatedText(text, anns) {
  // The article's direction from its letters (not dir="auto": see textDir in util.js).
  const root = h('div', { class: 'article-text', dir: textDir(text), lang: textDir(text) === 'rtl' ? 'ar' : null });
  for (const seg of segmentByCodePoints(text, anns)) {
    if (!seg.anns.length) { root.append(document.createTextNode(seg.text)); continue; }
    const classes = ['ann', ...new Set(seg.anns.map((a) => a.kind))].join(' ');
    const label = seg.anns.map((a) => a.label).join('\n');
    root.append(h('span', {
      class: classes, tabindex: 0, 'aria-label': label, 'data-tip': label,
      onmouseenter: (e) => tip.show(e.currentTarget, label), onmouseleave: () => tip.hide(),
      onfocus: (e) => tip.show(e.currentTarget, label), onblur: () => tip.hide(),
    }, seg.text));
  }
  return root;
}

// Text with <mark> around spans (search highlights), code-point offsets.
function markSpans(text, spans) {
  const frag = document.createDocumentFragment();
  const anns = (spans || []).map(([start, end]) => ({ start, end }));
  for (const seg of segmentByCodePoints(text, anns)) {
    frag.append(seg.anns.length ? h('mark', {}, seg.text) : document.createTextNode(seg.text));
  }
  return frag;
}

// Annotations of an article in the export format (entities[].mentions, quotes, events).
function articleAnnotations(a) {
  const anns = [];
  for (const e of a.entities || []) {
    const codes = [e.type, e.cameo ? 'CAMEO ' + e.cameo : null, e.country].filter(Boolean).join(' · ');
    for (const m of e.mentions || []) {
      anns.push({ kind: 'ent', start: m.start, end: m.end, label: `${e.name_ar || e.name_en} (${e.name_en}) — ${codes}` });
    }
  }
  for (const q of a.quotes || []) {
    anns.push({ kind: 'quote', start: q.start, end: q.end,
                label: `اقتباس ${q.direct ? 'مباشر' : 'غير مباشر'}: ${q.speaker_name}` });
  }
  for (const ev of a.events || []) {
    const src = ev.source && ev.source.cameo, tgt = ev.target && ev.target.cameo;
    anns.push({ kind: 'event', start: ev.evidence.start, end: ev.evidence.end,
                label: `حدث ${ev.cameo_code} (${ev.plover || ev.root}): ${src || '?'} → ${tgt || '?'} · Goldstein ${ev.goldstein} · ${ev.mode}` });
  }
  return anns;
}

// ---- view_stories.js
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

// ---- view_article.js
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

// ---- view_events.js
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

// ---- view_search.js
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

// ---- main.js
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
})();
