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
