// Builds web/dist from web/src: one index.html, one app.css, one app.js (the scripts of
// src/js concatenated in the order of SCRIPTS inside one function scope). No npm
// dependencies, no timestamps: the same sources always give byte-identical files.
//   node web/build.mjs           build
//   node web/build.mjs --check   fail if web/dist is not what the sources build (CI)
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');

// Order matters: later files use what earlier ones define.
const SCRIPTS = ['util.js', 'api.js', 'charts.js', 'annotate.js', 'view_stories.js', 'view_article.js',
                 'view_events.js', 'view_search.js', 'main.js'];
const STYLES = ['styles.css'];

const read = (f) => readFileSync(join(src, f), 'utf8');
const banner = '/* Built by web/build.mjs from web/src — do not edit; edit web/src and rebuild. */\n';

const js = banner + "(function () {\n'use strict';\n" +
  SCRIPTS.map((f) => `// ---- ${f}\n${read('js/' + f)}`).join('\n') + '})();\n';
const css = banner + STYLES.map((f) => read(f)).join('\n');
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 12);
// Asset names carry no hash (the server sends ETags); the query string busts old caches.
const html = read('index.html')
  .replace('app.css"', `app.css?v=${hash(css)}"`)
  .replace('app.js"', `app.js?v=${hash(js)}"`);

const outputs = { 'index.html': html, 'app.js': js, 'app.css': css };
if (process.argv.includes('--check')) {
  let stale = [];
  for (const [name, body] of Object.entries(outputs)) {
    const p = join(dist, name);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== body) stale.push(name);
  }
  if (stale.length) {
    console.error(`web/dist is stale (${stale.join(', ')}): run node web/build.mjs and commit web/dist`);
    process.exit(1);
  }
  console.log('web/dist is up to date');
} else {
  mkdirSync(dist, { recursive: true });
  for (const [name, body] of Object.entries(outputs)) writeFileSync(join(dist, name), body);
  console.log(`built ${Object.keys(outputs).map((n) => 'web/dist/' + n).join(', ')}`);
}
