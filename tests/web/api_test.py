#!/usr/bin/env python3
"""API tests of `marsad serve` over a real server on 127.0.0.1 (random free port):
every endpoint, filters, pagination, ETag/304, bad inputs, POST then GET within 1 s,
read-only mode. Exit status 0 = all checks passed."""
import json
import socket
import sys
import threading
import time
import urllib.parse

from webtest_lib import Checker, Server, make_fixture, parse_args, request

ARTICLES = 7  # in the fixture (make_fixture.cc)


def q(path, **params):
    return path + ('?' + urllib.parse.urlencode(params) if params else '')


def is_error(r, status):
    try:
        body = r.json()
    except Exception:
        return False
    return r.status == status and isinstance(body.get('error'), str) and body['error'] and \
        isinstance(body.get('hint'), str) and body['hint']


def test_endpoints(c, port):
    get = lambda p: request(port, 'GET', p)
    r = get('/api/stats')
    c.check(r.status == 200 and r.json()['articles'] == ARTICLES, 'stats: articles')
    c.check(r.json()['stories'] == 2 and r.json()['events'] > 0, 'stats: stories and events')

    r = get('/api/articles')
    page = r.json()
    c.check(r.status == 200 and page['total'] == ARTICLES and len(page['items']) == ARTICLES, 'articles: all')
    dates = [a['date'] for a in page['items']]
    c.check(dates == sorted(dates, reverse=True), 'articles: newest first')

    r = get('/api/articles/fx0000000000000000000001')
    a = r.json()
    c.check(r.status == 200 and a['article']['schema'] == 'marsad.article/1', 'article: export schema')
    c.check(len(a['article']['entities']) == 3 and len(a['article']['events']) == 2 and
            len(a['article']['quotes']) == 1, 'article: entities, events, quotes')
    c.check(len(a['article']['removed']) == 2 and len(a['article']['related']) == 1, 'article: removed, related')
    c.check([d['id'] for d in a['duplicates']] == ['fx0000000000000000000002'], 'article: duplicates listed')
    c.check(a['story'] and a['story']['id'] == 'story-talks', 'article: its story')
    # Offsets are code points: slicing the Python string (code points) gives the mention.
    text = get('/api/articles/fx0000000000000000000003').json()['article']
    for e in text['entities']:
        for m in e['mentions']:
            c.check(text['text'][m['start']:m['end']] == m['text'], 'article: mention offsets %s' % m['text'])
    for ev in text['events']:
        c.check(text['text'][ev['evidence']['start']:ev['evidence']['end']] == ev['evidence']['text'],
                'article: evidence offsets')
    dup = get('/api/articles/fx0000000000000000000002').json()
    c.check([d['id'] for d in dup['duplicates']] == ['fx0000000000000000000001'], 'duplicate: points at original')

    r = get('/api/stories')
    st = r.json()['items']
    c.check(r.status == 200 and [s['id'] for s in st] == ['story-talks', 'story-oil'], 'stories: most articles first')
    c.check(st[0]['outlet_count'] == 4 and sum(t['articles'] for t in st[0]['timeline']) == 4,
            'stories: outlets and timeline')
    r = get('/api/stories/story-talks').json()
    dates = [x['published'] for x in r['articles']]
    c.check(len(dates) == 4 and dates == sorted(dates), 'story: articles in time order')
    c.check(get('/api/stories/nope').status == 404, 'story: unknown id 404')

    r = get(q('/api/entities', type='PERSON'))
    c.check(r.status == 200 and {e['id'] for e in r.json()['items']} == {'ent-putin', 'ent-trump'}, 'entities: type')
    r = get(q('/api/entities', country='RUS'))
    c.check({e['id'] for e in r.json()['items']} == {'ent-rus', 'ent-putin'}, 'entities: country')
    r = get('/api/entities/ent-putin').json()
    c.check(r['entity']['mentions'] >= 2 and r['by_day'] and r['co_occurring'], 'entity: detail')
    c.check(get('/api/entities/' + urllib.parse.quote('فلاديمير بوتين')).status == 200, 'entity: by Arabic name')
    c.check(get('/api/entities/unknown-entity').status == 404, 'entity: unknown 404')

    ev = get(q('/api/events', actor='RUS', target='USA')).json()['items']
    c.check(ev and all(e['event']['source']['cameo'].startswith('RUS') and e['event']['target']['cameo'].startswith('USA')
                       for e in ev), 'events: actor/target')
    ev = get(q('/api/events', root='13')).json()['items']
    c.check(len(ev) == 1 and ev[0]['event']['cameo_code'] == '138', 'events: root')
    ev = get(q('/api/events', mode='future')).json()['items']
    c.check(ev and all(e['event']['mode'] == 'future' for e in ev), 'events: mode')
    ev = get(q('/api/events', since='2025-03-01', until='2025-03-31')).json()['items']
    c.check(ev and all('2025-03-01' <= e['date'] <= '2025-03-31' for e in ev), 'events: since/until')

    qs = get(q('/api/quotes', speaker='ent-putin')).json()['items']
    c.check(qs and all(x['speaker'] == 'ent-putin' for x in qs), 'quotes: speaker')

    d = get(q('/api/dyad', a='RUS', b='USA', by='month')).json()
    c.check(d['by'] == 'month' and d['items'] and all(len(p['quad_class']) == 4 for p in d['items']), 'dyad: months')
    c.check(sum(p['events'] for p in d['items']) == sum(sum(p['quad_class']) for p in d['items']), 'dyad: quad mix')
    dd = get(q('/api/dyad', a='RUS', b='USA', directed='true')).json()
    c.check(sum(p['events'] for p in dd['items']) < sum(p['events'] for p in d['items']), 'dyad: directed is fewer')

    n = get('/api/network').json()['items']
    c.check(n and all(e['events'] >= 1 and e['source'] and e['target'] for e in n), 'network: edges')
    c.check([e['events'] for e in n] == sorted([e['events'] for e in n], reverse=True), 'network: most first')

    s = get(q('/api/search', q='أوبك'))
    body = s.json()
    ids = {h['id'] for g in body['items'] for h in g['hits']}
    c.check(s.status == 200 and {'fx0000000000000000000005', 'fx0000000000000000000006'} <= ids, 'search: finds')
    c.check(any(g['story'] and g['story']['id'] == 'story-oil' for g in body['items']), 'search: grouped by story')
    c.check(body['engine'] in ('fts5', 'substring'), 'search: engine named')
    c.check(get(q('/api/search', q='كلمةغيرموجودةأبدا')).json()['items'] == [], 'search: no hits')

    spec = get('/api/openapi.json')
    c.check(spec.status == 200, 'openapi: served')
    doc = spec.json()
    c.check(str(doc.get('openapi', '')).startswith('3.'), 'openapi: version 3')
    for path in ['/api/articles', '/api/articles/{id}', '/api/search', '/api/stories', '/api/stories/{id}',
                 '/api/entities', '/api/entities/{id}', '/api/events', '/api/quotes', '/api/dyad',
                 '/api/network', '/api/stats']:
        c.check(path in doc.get('paths', {}), 'openapi: documents ' + path)

    page = get('/')
    c.check(page.status == 200 and b'dir="rtl"' in page.body and b'lang="ar"' in page.body, 'page: rtl html')
    c.check(get('/assets/app.js').status == 200 and get('/assets/app.css').status == 200, 'page: assets')
    c.check(request(port, 'HEAD', '/api/stats').body == b'', 'HEAD: no body')


def test_filters_and_pages(c, port):
    get = lambda p: request(port, 'GET', p).json()
    c.check(get(q('/api/articles', source='صحيفة الشرق'))['total'] == 2, 'filter: source (Arabic)')
    c.check(get(q('/api/articles', story='story-oil'))['total'] == 2, 'filter: story')
    c.check(get(q('/api/articles', entity='ent-opec'))['total'] == 2, 'filter: entity id')
    c.check(get(q('/api/articles', entity='أوبك'))['total'] == 2, 'filter: entity Arabic name')
    c.check(get(q('/api/articles', since='2025-03-01'))['total'] == 3, 'filter: since')
    c.check(get(q('/api/articles', since='2025-02-18', until='2025-02-19'))['total'] == 2, 'filter: since+until')
    c.check(get(q('/api/articles', duplicates='only'))['total'] == 1, 'filter: duplicates only')
    c.check(get(q('/api/articles', duplicates='exclude'))['total'] == ARTICLES - 1, 'filter: duplicates excluded')

    seen, offset, pages = [], 0, 0
    while offset is not None and pages < 10:
        page = get(q('/api/articles', limit=3, offset=offset))
        c.check(page['limit'] == 3 and len(page['items']) <= 3, 'pages: limit respected')
        seen += [a['id'] for a in page['items']]
        offset = page['next_offset']
        pages += 1
    c.check(pages == 3 and len(seen) == ARTICLES and len(set(seen)) == ARTICLES, 'pages: articles walk all, once')
    all_ents = [e['id'] for e in get(q('/api/entities', limit=100))['items']]
    p1 = get(q('/api/entities', limit=2))
    p2 = get(q('/api/entities', limit=2, offset=2))
    c.check([e['id'] for e in p1['items'] + p2['items']] == all_ents[:4] and p1['next_offset'] == 2,
            'pages: entities offset')
    last = get(q('/api/entities', limit=2, offset=len(all_ents) - 1))
    c.check(len(last['items']) == 1 and last['next_offset'] is None, 'pages: last page has no next')
    ev_all = get(q('/api/events', limit=100))['items']
    ev_p2 = get(q('/api/events', limit=2, offset=2))['items']
    c.check([json.dumps(e, sort_keys=True) for e in ev_p2] == [json.dumps(e, sort_keys=True) for e in ev_all[2:4]],
            'pages: events offset')


def test_etags(c, port):
    r = request(port, 'GET', '/api/stories')
    etag = r.header('ETag')
    c.check(r.status == 200 and etag and etag.startswith('"'), 'etag: present')
    r2 = request(port, 'GET', '/api/stories', headers={'If-None-Match': etag})
    c.check(r2.status == 304 and r2.body == b'', 'etag: 304 without body')
    r3 = request(port, 'GET', '/api/stories', headers={'If-None-Match': 'W/' + etag + ', "other"'})
    c.check(r3.status == 304, 'etag: weak form in a list')
    r4 = request(port, 'GET', '/api/stories', headers={'If-None-Match': '"stale"'})
    c.check(r4.status == 200 and r4.body == r.body, 'etag: stale tag gives the body')
    r5 = request(port, 'GET', '/', headers={'If-None-Match': request(port, 'GET', '/').header('ETag')})
    c.check(r5.status == 304, 'etag: page too')


def test_bad_inputs(c, port, server):
    get = lambda p: request(port, 'GET', p)
    for path, status in [(q('/api/articles', limt=5), 400), (q('/api/articles', limit=0), 400),
                         (q('/api/articles', limit='abc'), 400), (q('/api/articles', limit=10**30), 400),
                         (q('/api/articles', limit=100000), 400), (q('/api/articles', since='2025-13-01'), 400),
                         (q('/api/articles', since='2025-02-30'), 400), (q('/api/articles', duplicates='maybe'), 400),
                         ('/api/articles?limit=1&limit=2', 400), (q('/api/events', mode='xyz'), 400),
                         (q('/api/events', merged='perhaps'), 400), (q('/api/entities', type='ALIEN'), 400),
                         ('/api/search', 400), (q('/api/search', q=''), 400), (q('/api/dyad', a='RUS'), 400),
                         (q('/api/dyad', a='RUS', b='USA', by='year'), 400), (q('/api/stats', x=1), 400),
                         ('/api/articles?source=%FF%FE', 400), ('/api/nope', 404), ('/api/articles/', 404),
                         ('/api/articles/a/b', 404), ('/nope', 404), ('/assets/../../etc/passwd', 404),
                         ('/api/articles/%FF%00', 404), (q('/api/search', q='ا' * 600), 400)]:
        r = get(path)
        c.check(is_error(r, status), 'bad input %s -> %d JSON error (got %d %r)' % (path[:60], status, r.status, r.body[:80]))
    r = request(port, 'PUT', '/api/articles', body='{}', headers={'Content-Type': 'application/json'})
    c.check(is_error(r, 405) and 'POST' in (r.header('Allow') or ''), 'PUT: 405 with Allow')
    r = request(port, 'DELETE', '/api/stats')
    c.check(is_error(r, 405), 'DELETE: 405')
    r = request(port, 'POST', '/api/stats', body='x', headers={'Content-Type': 'text/plain'})
    c.check(is_error(r, 405), 'POST elsewhere: 405')

    post = lambda body, ctype: request(port, 'POST', '/api/articles', body=body, headers={'Content-Type': ctype})
    c.check(is_error(post('{"text": "نص', 'application/json'), 400), 'POST: bad JSON')
    c.check(is_error(post('[1, 2]', 'application/json'), 400), 'POST: JSON not an object')
    c.check(is_error(post('{"text": 5}', 'application/json'), 400), 'POST: field not a string')
    c.check(is_error(post('{"txet": "نص"}', 'application/json'), 400), 'POST: unknown field')
    c.check(is_error(post(b'{"text": "\xff\xfe"}', 'application/json'), 400), 'POST: invalid UTF-8 in JSON')
    c.check(is_error(post('{}', 'application/json'), 400), 'POST: empty article')
    c.check(is_error(post('', 'text/plain'), 400), 'POST: empty body')
    c.check(is_error(post('نص', 'application/xml'), 415), 'POST: unsupported type')
    c.check(is_error(request(port, 'POST', '/api/articles', body='نص'), 415), 'POST: no content type')
    big = b'a' * (9 << 20)
    try:
        r = post(big, 'text/plain')
        c.check(r.status == 413, 'POST: huge body -> 413 (got %d)' % r.status)
        c.check(is_error(r, 413), 'POST: huge body error is JSON')
    except (ConnectionError, OSError) as e:  # the server may close before reading it all
        c.check(False, 'POST: huge body connection error %r' % e)
    r = get('/api/articles?' + 'x' * 20000)
    c.check(r.status == 414 or r.status == 400, 'huge URI refused (got %d)' % r.status)

    # Garbage on the wire, a half-sent request and a silent connection do not hurt the server.
    for raw in [b'\x00\x01\x02\r\n\r\n', b'GET\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n',
                b'POST /api/articles HTTP/1.1\r\nContent-Length: -5\r\n\r\n',
                b'POST /api/articles HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n',
                b'GET /api/stats HTTP/1.1\r\nHost: x\r\n' + b'X-Long: ' + b'y' * 20000 + b'\r\n\r\n']:
        s = socket.create_connection(('127.0.0.1', port), timeout=5)
        try:
            s.sendall(raw)
            s.shutdown(socket.SHUT_WR)
            s.recv(4096)
        except OSError:
            pass
        finally:
            s.close()
    idle = socket.create_connection(('127.0.0.1', port), timeout=5)
    idle.sendall(b'GET /api/stats HTTP/1.1\r\nHost: x\r\n')  # never finished
    t0 = time.time()
    r = get('/api/stats')
    c.check(r.status == 200 and time.time() - t0 < 2, 'server answers while a client stalls')
    idle.close()
    c.check(server.alive(), 'server alive after bad inputs')

    results = []
    def worker():
        for _ in range(10):
            results.append(get('/api/articles?limit=5').status)
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    c.check(results == [200] * 80, 'concurrent GETs all 200')


def test_post(c, port):
    stats_before = request(port, 'GET', '/api/stats')
    body = json.dumps({'title': 'وزير الطاقة يزور بكين لبحث إمدادات النفط',
                       'text': 'وصل وزير الطاقة إلى بكين صباح الخميس في زيارة رسمية يبحث خلالها إمدادات النفط '
                               'طويلة الأجل مع المسؤولين الصينيين ومشروعات تكرير مشتركة في الشرق الأوسط.',
                       'source': 'اختبار مباشر', 'date': '2025-03-06', 'url': 'https://live.example/1'},
                      ensure_ascii=False)
    t0 = time.time()
    r = request(port, 'POST', '/api/articles', body=body, headers={'Content-Type': 'application/json; charset=utf-8'})
    c.check(r.status == 201 and r.json()['created'] is True, 'POST JSON: 201 created (got %d %r)' % (r.status, r.body[:200]))
    new_id = r.json().get('id')
    got = request(port, 'GET', '/api/articles/%s' % new_id)
    listed = request(port, 'GET', q('/api/articles', source='اختبار مباشر')).json()
    elapsed = time.time() - t0
    c.check(got.status == 200 and 'بكين' in got.json()['article']['text'], 'POST then GET: article there')
    c.check(listed['total'] == 1 and listed['items'][0]['id'] == new_id, 'POST then list: article listed')
    c.check(elapsed < 1.0, 'POST then GET within 1 s (took %.3f s)' % elapsed)
    print('POST+GET took %.1f ms' % (elapsed * 1000))
    hits = request(port, 'GET', q('/api/search', q='بكين')).json()
    c.check(any(h['id'] == new_id for g in hits['items'] for h in g['hits']), 'POST then search: found')
    c.check(request(port, 'GET', '/api/stats', headers={'If-None-Match': stats_before.header('ETag')}).status == 200,
            'ETag changes after a write')
    again = request(port, 'POST', '/api/articles', body=body, headers={'Content-Type': 'application/json'})
    c.check(again.status == 200 and again.json()['created'] is False and again.json()['id'] == new_id,
            'POST again: same id, not created')
    html = ('<html><head><title>الكويت تعلن موازنة جديدة</title></head><body><article><h1>الكويت تعلن موازنة جديدة</h1>'
            '<p>أعلنت وزارة المالية الكويتية اليوم موازنة العام المالي الجديد بعجز متوقع أقل من العام الماضي، '
            'مع زيادة الإنفاق على مشروعات البنية التحتية والتعليم والصحة.</p></article></body></html>')
    r = request(port, 'POST', '/api/articles', body=html, headers={'Content-Type': 'text/html'})
    c.check(r.status == 201 and 'الكويت' in (r.json().get('title') or ''), 'POST HTML: title extracted')
    r = request(port, 'POST', '/api/articles', body='أمطار غزيرة على جدة\n\nهطلت أمطار غزيرة على محافظة جدة مساء الجمعة '
                'وسط تحذيرات من الدفاع المدني بالابتعاد عن مجاري السيول.', headers={'Content-Type': 'text/plain'})
    c.check(r.status == 201, 'POST text: 201')
    r = request(port, 'POST', '/api/articles', body=b'\xff\xfe \xd8\xa3\xd9\x85\xd8\xb7\xd8\xa7\xd8\xb1 invalid bytes',
                headers={'Content-Type': 'text/plain'})
    c.check(r.status in (201, 422), 'POST invalid UTF-8 text: repaired or refused, no crash (got %d)' % r.status)


def test_read_only(c, args, db):
    ro = Server(args.marsad, db, extra=['--read-only'], log_path=db + '.ro.log')
    try:
        r = request(ro.port, 'POST', '/api/articles', body='{"text": "نص"}', headers={'Content-Type': 'application/json'})
        c.check(is_error(r, 403), 'read-only: POST refused with 403')
        c.check(request(ro.port, 'GET', '/api/stats').status == 200, 'read-only: GET works')
    finally:
        ro.stop()


def test_bind(c, args, db):
    srv = Server(args.marsad, db, extra=['--read-only'], log_path=db + '.bind.log')
    try:
        with open(srv.log_path) as f:
            c.check('http://127.0.0.1:' in f.read(), 'binds to 127.0.0.1 by default')
    finally:
        srv.stop()


def main():
    args = parse_args()
    c = Checker()
    db = make_fixture(args)
    server = Server(args.marsad, db)
    try:
        test_endpoints(c, server.port)
        test_filters_and_pages(c, server.port)
        test_etags(c, server.port)
        test_bad_inputs(c, server.port, server)
        test_post(c, server.port)
        c.check(server.alive(), 'server still alive at the end')
    finally:
        rc = server.stop()
    c.check(rc == 0, 'server exits 0 on SIGTERM (got %s)' % rc)
    test_read_only(c, args, db)
    test_bind(c, args, db)
    if c.failures:
        with open(db + '.serve.log') as f:
            sys.stderr.write(f.read()[-3000:])
    return c.finish('web_api')


if __name__ == '__main__':
    sys.exit(main())
