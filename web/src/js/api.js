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
