#!/usr/bin/env python3
"""Prints request latencies of `marsad serve` over a database (not a test; no assertions).
  python3 tests/web/api_latency.py --marsad build/marsad --db corpus.db [--runs 50]
Each endpoint is asked `runs` times in a row over one keep-alive connection; p50/p95 in ms."""
import argparse
import http.client
import json
import statistics
import time
import urllib.parse

from webtest_lib import Server


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--marsad', required=True)
    p.add_argument('--db', required=True)
    p.add_argument('--runs', type=int, default=50)
    args = p.parse_args()
    srv = Server(args.marsad, args.db, extra=['--read-only'])
    try:
        conn = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=30)
        def get(path):
            conn.request('GET', path)
            r = conn.getresponse()
            return r.status, r.read()
        first = json.loads(get('/api/articles?limit=1')[1])['items']
        art = first[0]['id'] if first else 'none'
        stories = json.loads(get('/api/stories?limit=1')[1])['items']
        story = stories[0]['id'] if stories else 'none'
        q = urllib.parse.quote
        paths = ['/api/stats', '/api/articles?limit=20', '/api/articles?limit=20&offset=5000',
                 '/api/articles?source=' + q('عكاظ') + '&limit=20', '/api/articles/' + art,
                 '/api/stories?limit=30', '/api/stories/' + story, '/api/entities?limit=50',
                 '/api/events?limit=100', '/api/dyad?a=SAU&b=USA&by=week', '/api/network',
                 '/api/search?q=' + q('الرياض'), '/api/search?q=' + q('"وزير الخارجية"'), '/']
        print('%-50s %6s %8s %8s %9s' % ('request', 'status', 'p50 ms', 'p95 ms', 'bytes'))
        for path in paths:
            times, status, size = [], None, 0
            for _ in range(args.runs):
                t0 = time.perf_counter()
                status, body = get(path)
                times.append((time.perf_counter() - t0) * 1000)
                size = len(body)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print('%-50s %6d %8.1f %8.1f %9d' % (urllib.parse.unquote(path)[:50], status, statistics.median(times), p95, size))
    finally:
        srv.stop()


if __name__ == '__main__':
    main()
