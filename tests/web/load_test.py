#!/usr/bin/env python3
"""Load test of `marsad serve` on 127.0.0.1: wrk (Debian) sends a mix of search and read
requests over keep-alive connections while a second client ingests articles live with
POST /api/articles. Passes when every response is 2xx, no socket errors, every POST is
stored, and the server's resident memory after the run is within 64 MiB of its value after
warm-up (memory flat under load). Prints requests/s and p50/p90/p99 latency (a measurement
for docs/SERVER.md; speed is not a pass condition on shared machines).

  load_test.py --marsad M --fixture F --repo R --work W [--seconds 60] [--connections 16]

Exit 77 (skipped) when wrk is not installed (scripts/setup.sh installs it)."""
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webtest_lib as wl  # noqa: E402

MIX_LUA = r'''
local paths = {
  "/api/search?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7",                -- روسيا
  "/api/search?q=%D8%AA%D8%B1%D9%85%D8%A8",                      -- ترمب (finds ترامب)
  "/api/search?q=%22%D8%A3%D9%88%D8%A8%D9%83%2B%22",             -- "أوبك+"
  "/api/search?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7%20OR%20%D8%A7%D9%84%D8%B7%D8%A7%D9%82%D8%A9",
  "/api/articles?limit=20",
  "/api/articles?limit=20&offset=5",
  "/api/stories?limit=30",
  "/api/events?limit=50",
  "/api/entities?limit=50",
  "/api/quotes?limit=20",
  "/api/stats",
  "/api/dyad?a=RUS&b=USA",
  "/",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
'''


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def run_wrk(port, seconds, connections, script):
    out = subprocess.run(['wrk', '-t2', '-c%d' % connections, '-d%ds' % seconds, '--latency', '--timeout', '5s',
                          '-s', script, 'http://127.0.0.1:%d' % port], capture_output=True, text=True)
    return out.stdout + out.stderr


def parse_wrk(text):
    r = {'non2xx': 0, 'socket_errors': 0}
    m = re.search(r'Requests/sec:\s+([\d.]+)', text)
    r['rps'] = float(m.group(1)) if m else 0.0
    m = re.search(r'(\d+) requests in', text)
    r['requests'] = int(m.group(1)) if m else 0
    for pct in ('50', '90', '99'):
        m = re.search(r'^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$' % pct, text, re.M)
        if m:
            v = float(m.group(1)) * {'us': 0.001, 'ms': 1.0, 's': 1000.0}[m.group(2)]
            r['p' + pct] = v
    m = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    if m:
        r['non2xx'] = int(m.group(1))
    m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
    if m:
        r['socket_errors'] = sum(int(x) for x in m.groups())
    return r


def main():
    import argparse
    p = argparse.ArgumentParser()
    for a in ('--marsad', '--fixture', '--repo', '--work'):
        p.add_argument(a, required=True)
    p.add_argument('--seconds', type=int, default=60)
    p.add_argument('--connections', type=int, default=16)
    args = p.parse_args()
    if not shutil.which('wrk'):
        print('SKIPPED: wrk is not installed (apt-get install wrk, or scripts/setup.sh)')
        return 77
    c = wl.Checker()
    db = wl.make_fixture(args, 'load.db')
    script = os.path.join(args.work, 'mix.lua')
    with open(script, 'w') as f:
        f.write(MIX_LUA)
    server = wl.Server(args.marsad, db)
    posts = {'ok': 0, 'failed': 0, 'latencies': [], 'rss': []}
    stop = threading.Event()

    def ingest_live():
        n = 0
        while not stop.is_set():
            n += 1
            body = ('{"title": "خبر مباشر رقم %d", "source": "load.example", "date": "2025-03-05", '
                    '"text": "قال وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم إن المحادثات مع الولايات '
                    'المتحدة ستستمر، وأضاف أن الجولة رقم %d تناولت ملفات الطاقة والتجارة والمعادن النادرة."}') % (n, n)
            t0 = time.perf_counter()
            try:
                r = wl.request(server.port, 'POST', '/api/articles', body, {'Content-Type': 'application/json'})
                ok = r.status in (200, 201)
            except OSError:
                ok = False
            posts['latencies'].append((time.perf_counter() - t0) * 1000)
            posts['ok' if ok else 'failed'] += 1
            posts['rss'].append((time.perf_counter(), rss_kib(server.proc.pid)))
            time.sleep(0.05)

    try:
        warm = run_wrk(server.port, 2, args.connections, script)
        c.check(parse_wrk(warm)['requests'] > 0, 'warm-up requests were answered: ' + warm[-300:])
        rss_start = rss_kib(server.proc.pid)
        writer = threading.Thread(target=ingest_live)
        writer.start()
        text = run_wrk(server.port, args.seconds, args.connections, script)
        stop.set()
        writer.join()
        rss_end = rss_kib(server.proc.pid)
        r = parse_wrk(text)
        if not c.check(server.alive(), 'server alive after the run'):
            server.log.seek(0)
            print(server.log.read()[-6000:], file=sys.stderr)  # e.g. a ThreadSanitizer report
        c.check(r['requests'] > 0, 'wrk made requests: ' + text[-300:])
        c.check(r['non2xx'] == 0, '%d non-2xx responses' % r['non2xx'])
        c.check(r['socket_errors'] == 0, '%d socket errors' % r['socket_errors'])
        c.check(posts['failed'] == 0 and posts['ok'] > 0, 'live posts: %d ok, %d failed' % (posts['ok'], posts['failed']))
        # Flat: the caches (one SQLite connection per server thread) fill in the first half;
        # the second half may add only the live articles' share of the linker window.
        samples = posts['rss'] or [(0, rss_end)]
        rss_half = samples[len(samples) // 2][1]
        c.check(rss_end - rss_half < 32 * 1024, 'memory flat: RSS %d -> %d (half-way) -> %d KiB'
                % (rss_start, rss_half, rss_end))
        listed = wl.request(server.port, 'GET', '/api/articles?source=load.example&limit=1').json()
        c.check(listed.get('total') in (None, posts['ok']), 'every live post listed: %s of %d'
                % (listed.get('total'), posts['ok']))
        lat = sorted(posts['latencies'])
        p99_post = lat[min(len(lat) - 1, int(0.99 * len(lat)))] if lat else 0
        print('load: %d s, %d connections: %d requests, %.0f requests/s, latency p50 %.2f ms, p90 %.2f ms, '
              'p99 %.2f ms; %d live posts (p99 %.1f ms); RSS %d -> %d (half-way) -> %d KiB'
              % (args.seconds, args.connections, r['requests'], r['rps'], r.get('p50', -1), r.get('p90', -1),
                 r.get('p99', -1), posts['ok'], p99_post, rss_start, rss_half, rss_end))
    finally:
        stop.set()
        server.stop()
    return c.finish('web_load')


if __name__ == '__main__':
    sys.exit(main())
