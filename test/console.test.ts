import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { GRAPHIQL_OPTIONS } from '../src/http/graphiql';
import { startTestApp, type TestApp } from './harness';

/**
 * What the console and GraphiQL pages are made of, over HTTP without a browser: where
 * they are, their security headers, and that GraphiQL's first steps run as shown.
 * test/browser.test.ts drives them in a real browser.
 */

const CONSOLE_SOURCE = path.resolve(__dirname, '../src/console');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.fetch(`http://keyward.test${path}`, { headers, redirect: 'manual' });

it('redirects / and /console to /console/', async () => {
  for (const path of ['/', '/console']) {
    const response = await get(path);
    expect([response.status, response.headers.get('location')]).toEqual([302, '/console/']);
  }
});

it('serves the console page, its bundle and stylesheet with a strict CSP and no inline script', async () => {
  const page = await get('/console/');
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = page.headers.get('content-security-policy')!;
  expect(csp.split('; ')).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]));
  expect(csp).not.toMatch(/unsafe|https?:|\*/);
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  // Every script is a file of this origin: none inline, none elsewhere.
  expect([...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => [m[1]!.trim(), m[2]])).toEqual([['type="module" src="/console/app.js"', '']]);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

  const bundle = await get('/console/app.js');
  expect([bundle.status, bundle.headers.get('content-type'), bundle.headers.get('x-content-type-options')]).toEqual([
    200,
    'text/javascript; charset=utf-8',
    'nosniff',
  ]);
  const js = await bundle.text();
  // The typed documents are in the bundle; no API result is ever set as HTML by the console's own code.
  expect(js).toContain('mutation ConsoleCreateApiKey');
  const source = readdirSync(CONSOLE_SOURCE, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('gql'));
  expect(source).toEqual(expect.arrayContaining(['app.tsx', 'keys.tsx', 'api.ts']));
  for (const file of source) expect(readFileSync(path.join(CONSOLE_SOURCE, file), 'utf8')).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/);
  expect((await get('/console/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  expect((await get('/console/nothing-here')).status).toBe(404);
});

it('serves GraphiQL offline: every asset inline, its one script allowed by hash, nothing from another host', async () => {
  const response = await get('/graphql', { accept: 'text/html' });
  const html = await response.text();
  expect(response.status).toBe(200);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.map((m) => m[1])).toEqual(['']);
  const hash = createHash('sha256').update(scripts[0]![2]!).digest('base64');
  const csp = response.headers.get('content-security-policy')!.split('; ');
  expect(csp).toEqual(
    expect.arrayContaining(["default-src 'self'", `script-src 'self' 'sha256-${hash}'`, "connect-src 'self'", "frame-ancestors 'none'"]),
  );
  expect(csp.join(' ')).not.toMatch(/https?:|\*|'unsafe-inline'.*script|'unsafe-eval'/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(html).not.toMatch(/<(link|script|img)[^>]+(src|href)="(https?:)?\/\//);
});

it("opens with Keyward's steps: one operation per tab, each valid and runnable as shown", async () => {
  const tabs = GRAPHIQL_OPTIONS.defaultTabs!;
  expect(tabs.map((tab) => parse(tab.query!).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length)).toEqual([1, 1, 1]);

  const owner = await t.signUpOrganization('Steps');
  const run = (query: string, token?: string) => t.execute({ toString: () => query } as never, {} as never, { token });
  // Step 1 as shown: a clear refusal, not a syntax error, until the password is pasted.
  const asShown = await run(tabs[0]!.query!);
  expect(asShown.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['UNAUTHENTICATED', 'Invalid email or password']]);
  const signIn = await run(tabs[0]!.query!.replace('"admin@localhost"', JSON.stringify(owner.email)).replace('paste the printed password', owner.password));
  const token = (signIn.data as { login: { token: string } }).login.token;
  expect(token).toMatch(/^kws_/);

  // Step 2 as shown, once the header holds that token: a key and its secret.
  const created = await run(tabs[1]!.query!, token);
  expect(created.errors).toBeUndefined();
  const { secret, apiKey } = (created.data as { createApiKey: { secret: string; apiKey: { name: string; access: string } } }).createApiKey;
  expect([secret.slice(0, 3), apiKey.name, apiKey.access]).toEqual(['kw_', 'My first key', 'READ_ONLY']);
  expect(JSON.parse(tabs[1]!.headers!)).toEqual({ Authorization: expect.stringMatching(/^Bearer /) });

  // Step 3: the list.
  const listed = await run(tabs[2]!.query!, token);
  expect((listed.data as { apiKeys: { totalCount: number } }).apiKeys.totalCount).toBe(1);
});
