"""Shared helpers of the web tests: build the fixture database, start `marsad serve` on a
free port of 127.0.0.1, make HTTP requests, record failures."""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument('--marsad', required=True)
    p.add_argument('--fixture', required=True, help='the marsad_web_fixture program')
    p.add_argument('--repo', required=True)
    p.add_argument('--work', required=True, help='folder for the database, logs, screenshots')
    return p.parse_args()


def make_fixture(args, name='fixture.db'):
    os.makedirs(args.work, exist_ok=True)
    db = os.path.join(args.work, name)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([args.fixture, db], check=True, stdout=subprocess.DEVNULL)
    return db


class Server:
    """`marsad serve --port 0` on 127.0.0.1; the port is read from its first stderr line."""

    def __init__(self, marsad, db, extra=(), log_path=None):
        self.log_path = log_path or (db + '.serve.log')
        self.log = open(self.log_path, 'w+')
        # MARSAD_WEB_TEST_SERVE_ARGS: extra `marsad serve` options for a local run
        # (e.g. "--no-ner --no-actors" while an annotator stage is being worked on).
        extra = list(extra) + os.environ.get('MARSAD_WEB_TEST_SERVE_ARGS', '').split()
        self.proc = subprocess.Popen([marsad, 'serve', '--db', db, '--port', '0', *extra],
                                     stdout=self.log, stderr=self.log)
        self.port = None
        deadline = time.time() + 20
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                break
            self.log.seek(0)
            m = re.search(r'http://127\.0\.0\.1:(\d+)/', self.log.read())
            if m:
                self.port = int(m.group(1))
            else:
                time.sleep(0.05)
        if self.port is None:
            self.log.seek(0)
            raise RuntimeError('marsad serve did not start: ' + self.log.read())
        self.base = 'http://127.0.0.1:%d' % self.port

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body.decode('utf-8'))

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def request(port, method, path, body=None, headers=None, timeout=15):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    try:
        if isinstance(body, str):
            body = body.encode('utf-8')
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return Response(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


class Checker:
    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, cond, what):
        self.count += 1
        if not cond:
            self.failures.append(what)
            print('FAIL:', what, file=sys.stderr)
        return cond

    def finish(self, name):
        print('%s: %d checks, %d failed' % (name, self.count, len(self.failures)))
        return 1 if self.failures else 0
