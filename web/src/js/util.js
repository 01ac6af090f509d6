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
