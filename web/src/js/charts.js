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
