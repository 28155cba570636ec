import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-request';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ MAILBOX_DEMO_SEED: '9' });
});
afterAll(() => server?.stop());

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('are on the page, whose every script carries the nonce of its policy', async () => {
    const page = await rawRequest(server.url, { path: '/' });
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers);
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))![1];
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await rawRequest(server.url, { path: '/' });
    expect(again.headers['content-security-policy']).not.toBe(page.headers['content-security-policy']);
  });

  it('are on API answers, static files and the 404 page', async () => {
    const page = await rawRequest(server.url, { path: '/' });
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.text)![1];
    for (const path of ['/api/sources', chunk, '/no-such-page']) {
      const answer = await rawRequest(server.url, { path });
      expect(answer.status, path).toBe(path === '/no-such-page' ? 404 : 200);
      expectSecurityHeaders(answer.headers);
    }
  });
});

describe('bad requests get a 4xx with the JSON error shape, never a 5xx', () => {
  const cases: Array<[string, string, number, string]> = [
    ['GET', '/api/sources/%ff/snapshot', 400, 'bad_path'],
    ['GET', '/api/sources/%C0%AE/snapshot', 400, 'bad_path'],
    ['GET', '/%E0%A4%A', 400, 'bad_path'],
    ['TRACE', '/api/sources', 405, 'method_not_allowed'],
    ['TRACE', '/', 405, 'method_not_allowed'],
    ['PROPFIND', '/api/sources/demo/snapshot', 405, 'method_not_allowed'],
  ];
  it('GET /api/decode (which only takes POST) → 405, PROPFIND there a 4xx', async () => {
    const get = await rawRequest(server.url, { path: '/api/decode' });
    expect(get.status).toBe(405);
    expect(JSON.parse(get.text).error.code).toBe('method_not_allowed');
    const propfind = await rawRequest(server.url, { method: 'PROPFIND', path: '/api/decode' });
    expect(propfind.status).toBeGreaterThanOrEqual(400);
    expect(propfind.status).toBeLessThan(500);
  });
  for (const [method, path, status, code] of cases) {
    it(`${method} ${path} → ${status} ${code}`, async () => {
      const answer = await rawRequest(server.url, { method, path });
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code, message: expect.any(String) } });
    });
  }
});

describe('only this server\'s own names and pages get in', () => {
  it('refuses a foreign Host (DNS rebinding) and answers its own', async () => {
    const foreign = await rawRequest(server.url, { path: '/api/sources', headers: { Host: 'attacker.example:3000' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text).error.code).toBe('host_not_allowed');
    const own = await rawRequest(server.url, { path: '/api/sources', headers: { Host: `localhost:${new URL(server.url).port}` } });
    expect(own.status).toBe(200);
  });

  it('refuses a cross-site POST to /api/decode, and decodes the same POST from its own page', async () => {
    const body = Buffer.alloc(4096).toString('latin1');
    const cross = await rawRequest(server.url, {
      method: 'POST', path: '/api/decode?kind=inbox', body,
      headers: { 'Content-Type': 'text/plain', Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.text).error.code).toBe('cross_origin');
    const own = await rawRequest(server.url, {
      method: 'POST', path: '/api/decode?kind=inbox', body,
      headers: { 'Content-Type': 'application/octet-stream', Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('refuses a foreign Host on /api/decode too, which the route guards itself', async () => {
    const foreign = await rawRequest(server.url, { method: 'POST', path: '/api/decode?kind=inbox', body: 'x', headers: { Host: 'attacker.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text).error.code).toBe('host_not_allowed');
  });
});
