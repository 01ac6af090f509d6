#!/usr/bin/env python3
"""Browser tests of the web page in Debian's headless chromium, driven through
chromedriver (W3C WebDriver over HTTP, Python standard library only): load the page,
check right-to-left Arabic, search, open a story, open an article (highlights at
code-point offsets, hover details, folds), the events explorer; screenshots of each view
go to --work. Exit 77 (skipped) only when chromium or chromedriver is not installed."""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from webtest_lib import Checker, Server, make_fixture, parse_args

ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'  # the W3C WebDriver element key


def find_browser():
    for name in ('chromium', 'chromium-browser'):
        path = shutil.which(name) or ('/usr/bin/' + name if os.path.exists('/usr/bin/' + name) else None)
        if path:
            return path
    return None


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


class WebDriver:
    def __init__(self, driver_path, browser_path, log_path):
        self.port = free_port()
        self.log = open(log_path, 'w')
        self.proc = subprocess.Popen([driver_path, '--port=%d' % self.port], stdout=self.log, stderr=self.log)
        self.base = 'http://127.0.0.1:%d' % self.port
        deadline = time.time() + 20
        while True:
            try:
                self.call('GET', '/status')
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.time() > deadline or self.proc.poll() is not None:
                    raise RuntimeError('chromedriver did not start (see %s)' % log_path)
                time.sleep(0.1)
        caps = {'capabilities': {'alwaysMatch': {
            'browserName': 'chrome',
            'goog:loggingPrefs': {'browser': 'ALL'},
            'goog:chromeOptions': {'binary': browser_path, 'args': [
                '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                '--window-size=1280,1000', '--lang=ar', '--no-first-run', '--disable-extensions']}}}}
        self.session = self.call('POST', '/session', caps)['sessionId']

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read().decode()).get('value')
        except urllib.error.HTTPError as e:
            raise RuntimeError('webdriver %s %s: %s' % (method, path, e.read().decode()[:500]))

    def s(self, method, path, body=None):
        return self.call(method, '/session/%s%s' % (self.session, path), body)

    def go(self, url):
        self.s('POST', '/url', {'url': url})

    def js(self, script, *args):
        return self.s('POST', '/execute/sync', {'script': script, 'args': list(args)})

    def find(self, css):
        return self.s('POST', '/element', {'using': 'css selector', 'value': css})[ELEMENT]

    def click(self, css):
        self.s('POST', '/element/%s/click' % self.find(css), {})

    def type(self, css, text):
        el = self.find(css)
        self.s('POST', '/element/%s/clear' % el, {})
        self.s('POST', '/element/%s/value' % el, {'text': text})

    def hover(self, css):
        el = self.find(css)
        self.s('POST', '/actions', {'actions': [{'type': 'pointer', 'id': 'mouse', 'parameters': {'pointerType': 'mouse'},
                                                 'actions': [{'type': 'pointerMove', 'duration': 0,
                                                              'origin': {ELEMENT: el}, 'x': 0, 'y': 0}]}]})

    def wait(self, script, what, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(script):
                return True
            time.sleep(0.1)
        raise RuntimeError('timed out waiting for ' + what)

    def screenshot(self, path):
        with open(path, 'wb') as f:
            f.write(base64.b64decode(self.s('GET', '/screenshot')))

    def browser_log(self):
        try:
            return self.s('POST', '/se/log', {'type': 'browser'}) or []
        except RuntimeError:
            return []

    def quit(self):
        try:
            self.s('DELETE', '')
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


# The view is rendered when #view carries its route name and is not busy.
def view_ready(route):
    return ("var v = document.getElementById('view'); return v && v.dataset.route === '%s' && "
            "!v.hasAttribute('aria-busy');" % route)


def run(c, wd, base, work):
    shot = lambda name: wd.screenshot(os.path.join(work, name + '.png'))

    # 1. The stories page, right to left.
    wd.go(base + '/')
    wd.wait(view_ready('stories'), 'stories view')
    c.check(wd.js("return document.documentElement.dir") == 'rtl', 'html dir=rtl')
    c.check(wd.js("return document.documentElement.lang") == 'ar', 'html lang=ar')
    c.check(wd.js("return getComputedStyle(document.body).direction") == 'rtl', 'body direction rtl')
    c.check(wd.js("return document.querySelectorAll('li.story').length") == 2, 'two story cards')
    c.check(wd.js("return document.querySelectorAll('li.story svg.spark path.line').length") == 2, 'sparklines drawn')
    c.check('محادثات' in wd.js("return document.querySelector('li.story h3 bdi').textContent"),
            'story titles in <bdi>')
    # In RTL the brand (first in the header) sits at the right edge.
    c.check(wd.js("var r = document.querySelector('.brand').getBoundingClientRect(); return r.right > window.innerWidth / 2"),
            'header laid out right to left')
    c.check(wd.wait("return document.getElementById('stats').textContent.length > 0", 'stats footer'), 'stats footer')
    shot('stories')

    # 2. Search, results grouped by story.
    wd.type('#search-input', 'أوبك')
    wd.click('#search-form button')
    wd.wait(view_ready('search'), 'search view')
    c.check(wd.js("return location.hash.indexOf('#/search') === 0"), 'search route')
    c.check(wd.js("return !!document.querySelector('#search-results section.group[data-story=\"story-oil\"]')"),
            'search: story-oil group')
    hits = wd.js("return Array.from(document.querySelectorAll('#search-results .hit-title')).map(a => a.getAttribute('href'))")
    c.check(hits and '#/article/fx0000000000000000000005' in hits, 'search: hit links to articles')
    shot('search')

    # 3. A story: its articles in time order.
    wd.go(base + '/#/')
    wd.wait(view_ready('stories'), 'stories view again')
    wd.click('li.story[data-story="story-talks"] h3 a')
    wd.wait("return location.hash === '#/story/story-talks' && document.querySelectorAll('.story-articles li').length > 0",
            'story view')
    c.check(wd.js("return document.querySelectorAll('.story-articles li').length") == 4, 'story: four articles')
    c.check(wd.js("return document.querySelectorAll('.story-articles .dup').length") == 1, 'story: duplicate marked')
    shot('story')

    # 4. An article whose text starts with emoji (outside the BMP): highlights must land on
    # the entity names, which needs code-point offsets (not UTF-16 ones).
    wd.click('.story-articles li[data-article="fx0000000000000000000003"] a')
    wd.wait("return location.hash.indexOf('#/article/fx0000000000000000000003') === 0 && "
            "!!document.querySelector('.article-text')", 'article view')
    ents = wd.js("return Array.from(document.querySelectorAll('.article-text .ent')).map(e => e.textContent)")
    c.check(set(ents) == {'السعودية', 'روسيا', 'الولايات المتحدة'}, 'article: entity highlights exact (%r)' % ents)
    ev = wd.js("return Array.from(document.querySelectorAll('.article-text .event')).map(e => e.textContent).join('')")
    c.check('وهدد الوفد الروسي بالانسحاب' in ev, 'article: event evidence highlighted')
    wd.hover('.article-text .ent')
    wd.wait("return !document.getElementById('tip').hidden", 'tooltip on hover')
    tip = wd.js("return document.getElementById('tip').textContent")
    c.check('SAU' in tip or 'RUS' in tip or 'USA' in tip, 'hover: actor code shown (%r)' % tip)
    c.check(any('138' in t for t in wd.js(
        "return Array.from(document.querySelectorAll('.article-text .event')).map(e => e.dataset.tip)")),
        'hover: event code in details')
    shot('article')

    # 5. The first article: folds for removed boilerplate, related articles, duplicates.
    wd.go(base + '/#/article/fx0000000000000000000001')
    wd.wait("return !!document.querySelector('.article-text') && location.hash.indexOf('fx0000000000000000000001') > 0",
            'article 1')
    c.check(wd.js("return document.querySelectorAll('details[data-fold]').length") == 3, 'article: three folds')
    c.check(not wd.js("return document.querySelector('details[data-fold=removed]').open"), 'folds start closed')
    wd.click('details[data-fold=removed] summary')
    c.check(wd.js("return document.querySelector('details[data-fold=removed]').open"), 'fold opens')
    c.check(wd.js("return document.querySelectorAll('details[data-fold=duplicates] li').length") == 1, 'duplicates listed')
    c.check(wd.js("return document.querySelectorAll('.article-text .quote').length") == 1, 'quote highlighted')
    shot('article-folds')

    # 6. Events explorer: dyad chart, network, table.
    wd.go(base + '/#/events?actor=RUS&target=USA&by=day')
    wd.wait(view_ready('events'), 'events view')
    c.check(wd.js("return document.querySelectorAll('#dyad-chart svg rect').length") > 0, 'dyad chart bars')
    c.check(wd.js("return !!document.querySelector('#dyad-chart svg path.gold')"), 'dyad Goldstein line')
    c.check(wd.js("return document.querySelectorAll('#network svg circle').length") >= 4, 'network nodes')
    c.check(wd.js("return document.querySelectorAll('#events-table tbody tr').length") > 0, 'events table')
    shot('events')

    # 7. Empty sections are handled: an entity-less article and an unknown route.
    wd.go(base + '/#/article/fx0000000000000000000007')
    wd.wait("return !!document.querySelector('.article-text') && location.hash.indexOf('0007') > 0", 'plain article')
    c.check(wd.js("return document.querySelectorAll('aside .empty').length") >= 3, 'empty panels say so')
    wd.go(base + '/#/story/no-such-story')
    wd.wait("return !!document.querySelector('#view .error')", 'error box')
    c.check(True, 'unknown story shows an error box')

    severe = [e for e in wd.browser_log() if e.get('level') == 'SEVERE' and '404' not in e.get('message', '')]
    c.check(not severe, 'no JavaScript errors (%r)' % severe[:3])


def main():
    args = parse_args()
    browser = find_browser()
    driver = shutil.which('chromedriver') or ('/usr/bin/chromedriver' if os.path.exists('/usr/bin/chromedriver') else None)
    if not browser or not driver:
        print('SKIPPED: browser tests need Debian packages chromium and chromium-driver '
              '(apt-get install chromium chromium-driver); not installed here')
        return 77
    os.makedirs(args.work, exist_ok=True)
    c = Checker()
    db = make_fixture(args)
    server = Server(args.marsad, db)
    wd = None
    try:
        wd = WebDriver(driver, browser, os.path.join(args.work, 'chromedriver.log'))
        run(c, wd, server.base, args.work)
    except Exception as e:  # a failed wait or WebDriver error is a test failure
        c.check(False, 'browser test stopped: %s' % e)
        if wd:
            try:
                wd.screenshot(os.path.join(args.work, 'failure.png'))
            except Exception:
                pass
    finally:
        if wd:
            wd.quit()
        server.stop()
    print('screenshots in', args.work)
    return c.finish('web_browser')


if __name__ == '__main__':
    sys.exit(main())
