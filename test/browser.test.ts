import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import axe from 'axe-core';
import { version as esbuildVersion } from 'esbuild';
import { chromium, type BrowserContext, type Locator, type Page, type Request, type Route } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { createTestDatabase, type TestDatabase } from './database';
import { childProcessesOf, graphqlOver, startServer, type RunningServer } from './server';

/**
 * The admin console and GraphiQL in a real browser (Debian's Chromium driven by
 * playwright-core) against a real server process, the way a person uses them: every flow
 * of SPEC §8, found by the fixed accessible names. Throughout, every request to another
 * host and every browser console error fails the test; axe-core checks each page. With
 * CONSOLE_SHOTS=<folder> set (never the repository), each page is also photographed there
 * at laptop and phone width, and the key table at 1024, 1280 and 390 px: pictures for a
 * person to look at, which assert nothing and take a third of the file's time, so plain
 * `npm test` takes none.
 *
 * Webhooks go to a receiver in this process on 127.0.0.1 only (the server runs with
 * WEBHOOK_ALLOW_PRIVATE=true for it); GitHub's secret-scanning reports are signed with a
 * key pair made here and given to the server as GITHUB_SECRET_SCANNING_KEYS, so nothing is
 * fetched from GitHub.
 */

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.CONSOLE_SHOTS ? path.resolve(process.env.CONSOLE_SHOTS) : null;

/** GitHub's signing key for secret-scanning reports, as the server is told of it. */
const gitHub = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const GITHUB_KEYS = JSON.stringify({
  public_keys: [{ key_identifier: 'browser-test', key: gitHub.publicKey.export({ type: 'spki', format: 'pem' }).toString(), is_current: true }],
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  const message = `\n\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium ***\n\n`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
}
const describeInBrowser = haveChromium ? describe : describe.skip;

describeInBrowser('the console in a browser', () => {
  let server: RunningServer;
  let database: TestDatabase;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  let ownerPassword: string;

  /** The webhook receiver: what it was sent, and the status it answers with. */
  let receiver: Server;
  let receiverUrl = '';
  let receiverStatus = 200;
  const received: { id: string; headers: Record<string, string>; body: string }[] = [];

  // What the browser did, checked after each test.
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  let graphqlRequests = 0;

  const gql = (query: string, token?: string, variables: Record<string, unknown> = {}) =>
    graphqlOver(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  const loginToken = async (email: string, password: string) =>
    (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', undefined, { e: email, p: password })).body.data
      .login.token as string;

  function watch(target: Page) {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    target.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  }

  beforeAll(async () => {
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'keyward-chromium-'));
    // The browser and the server start side by side: neither needs the other to start.
    const [browser, started, listening] = await Promise.allSettled([
      chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: LAPTOP,
        // One zone and language, so the times the console shows can be asserted as they read.
        timezoneId: 'UTC',
        locale: 'en-US',
      }),
      (async () => {
        database = await createTestDatabase();
        // No BOOTSTRAP_*: the server creates admin@localhost and prints its password, as for a newcomer.
        server = await startServer({
          DATABASE_URL: database.url,
          SCOPE_RESOURCES: 'messages,contacts',
          // The receiver below is on loopback, over plain http.
          WEBHOOK_ALLOW_PRIVATE: 'true',
          GITHUB_SECRET_SCANNING_KEYS: GITHUB_KEYS,
        });
      })(),
      (async () => {
        receiver = createServer((request, response) => {
          let body = '';
          request.on('data', (chunk: Buffer) => (body += chunk.toString()));
          request.on('end', () => {
            const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
            received.push({ id: headers['webhook-id']!, headers, body });
            response.writeHead(receiverStatus, { 'content-type': 'text/plain' }).end(receiverStatus < 300 ? 'thanks' : 'not now');
          });
        });
        await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
        receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/keyward`;
      })(),
    ]);
    // Whatever failed, what did start is there for afterAll to stop.
    if (browser.status === 'fulfilled') context = browser.value;
    for (const result of [browser, started, listening]) if (result.status === 'rejected') throw result.reason;
    ownerPassword = /Its password, shown this once: (\S+)/.exec(server.output())![1]!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== server.url) foreignRequests.push(url);
      else if (new URL(url).pathname === '/graphql' && request.method() === 'POST') graphqlRequests++;
    });
    page = context.pages()[0] ?? (await context.newPage());
    watch(page);
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await database?.drop();
    receiver?.closeAllConnections();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    const seen = { foreignRequests: [...foreignRequests], consoleErrors: [...consoleErrors] };
    foreignRequests.length = 0;
    consoleErrors.length = 0;
    expect(seen).toEqual({ foreignRequests: [], consoleErrors: [] });
  });

  /**
   * A step that fails on purpose (wrong password, a session ended elsewhere) answers
   * HTTP 401, which Chromium reports in the console: exactly those, and nothing else.
   */
  function expectOnly401(count: number) {
    expect(consoleErrors).toHaveLength(count);
    for (const error of consoleErrors) expect(error).toMatch(/status of 401 .*\/graphql\)$/);
    consoleErrors.length = 0;
  }

  /**
   * axe-core's own `axe.run`, every rule as by default, in each frame of the page. Its source
   * (1.3 MB) is evaluated once per document: the console is one page that changes in place,
   * so most scans find it there already. (@axe-core/playwright's AxeBuilder evaluated it
   * again before every scan, and once more in a blank page it opened to merge the results:
   * a second or more a scan.) Only violations are asserted, so only they are reported in
   * full: the other result types keep one node each (axe's `resultTypes`), instead of a
   * selector computed for every element that passed.
   */
  async function runAxe(target: Page): Promise<axe.AxeResults> {
    for (const frame of target.frames()) {
      if (!(await frame.evaluate('typeof window.axe?.run === "function"'))) await frame.evaluate(axe.source);
    }
    const options: axe.RunOptions = { resultTypes: ['violations'] };
    return target.evaluate((runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions), options);
  }

  /** `upstream` lets through one rule on elements whose HTML contains a class: a known defect of a page we embed but do not write. */
  async function checkAccessibility(target: Page, name: string, upstream?: { rule: string; className: string }) {
    const results = await runAxe(target);
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(upstream && v.id === upstream.rule && n.html.includes(`class="${upstream.className}`))) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect({ page: name, serious }).toEqual({ page: name, serious: [] });
  }

  /** A picture into CONSOLE_SHOTS, when it is set. */
  async function shoot(target: Page, file: string, fullPage = true) {
    if (SCREENSHOTS) await target.screenshot({ path: path.join(SCREENSHOTS, file), fullPage });
  }

  async function screenshot(target: Page, name: string) {
    if (!SCREENSHOTS) return;
    await target.screenshot({ path: path.join(SCREENSHOTS, `${name}-laptop.png`), fullPage: true });
    await target.setViewportSize(PHONE);
    await target.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
    await target.setViewportSize(LAPTOP);
  }

  /** Axe and both screenshots: what every page gets. */
  async function inspect(target: Page, name: string) {
    await checkAccessibility(target, name);
    await screenshot(target, name);
  }

  async function signIn(target: Page, email: string, password: string) {
    await target.getByLabel('Email').fill(email);
    await target.getByLabel('Password').fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  /** Reads until it sees `expected` (the console updates after its requests answer), then asserts it. */
  async function waitForValue<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let seen = await read();
    while (!isDeepStrictEqual(seen, expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await read();
    }
    expect(seen).toEqual(expected);
  }

  /** Waits until the locator matches exactly `count` elements. */
  const waitForCount = (locator: Locator, count: number) => waitForValue(() => locator.count(), count);

  /** The key's row, found the way a person would among many: by searching for its name. */
  async function findKey(name: string) {
    await page.getByLabel('Search').fill(name);
    await waitForCount(row(page, name), 1);
    return row(page, name);
  }

  const row = (target: Page, text: string) => target.getByRole('row').filter({ hasText: text });
  const dataRows = (target: Page) => target.getByRole('table', { name: 'API keys' }).locator('tbody tr');

  /** Whether `locator` holds the focus. */
  const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
  /** What holds the focus, as role and name a person would hear. */
  const focused = (target: Page) =>
    target.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : null;
    });

  /**
   * Where the focus is once it has settled: the console moves it when a dialog's or a row's
   * element goes, which the browser may finish a task after the element is gone from the
   * DOM. Waits up to 2 s for `expected`, then answers what has the focus.
   */
  async function settledFocus(target: Page, expected: string): Promise<string | null> {
    const end = Date.now() + 2_000;
    let now = await focused(target);
    while (now !== expected && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      now = await focused(target);
    }
    return now;
  }

  /** A row's action, the way a mouse user takes it: its Actions menu, then the item. */
  async function rowAction(name: string, action: 'Edit' | 'Rotate' | 'Revoke') {
    const key = await findKey(name);
    const actions = key.getByRole('button', { name: 'Actions', exact: true });
    await actions.click();
    await expect(actions.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem', { name: action, exact: true }).click();
    return actions;
  }

  /** The key table photographed at a width, the whole page as a person sees it there. */
  async function photographKeys(width: number) {
    await page.setViewportSize({ width, height: width < 600 ? PHONE.height : LAPTOP.height });
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    await shoot(page, `api-keys-${width}.png`);
    // And the first screenful alone: what a person sees before scrolling.
    await shoot(page, `api-keys-${width}-screen.png`, false);
  }

  /**
   * The secret dialog: reads the secret (an API key, or an endpoint's signing secret), checks
   * the warning and Copy, closes it, and checks it is gone.
   */
  async function takeSecret(title: string, photo?: string, secretIs = { label: 'API key', shape: /^kw_[0-9A-Za-z]+_[0-9A-Za-z]+$/ }): Promise<string> {
    const dialog = page.getByRole('dialog', { name: title });
    const secret = (await dialog.getByLabel(secretIs.label, { exact: true }).textContent())!.trim();
    expect(secret).toMatch(secretIs.shape);
    await expect(dialog.getByText('cannot be shown again').isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    if (photo) await inspect(page, photo);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate('JSON.stringify([{ ...sessionStorage }, { ...localStorage }])')).not.toContain(secret);
    await page.evaluate('navigator.clipboard.writeText("")');
    return secret;
  }

  async function addKey(name: string, permissions: 'All' | 'Restricted' | 'Read only', options: { scopes?: string[]; expires?: string } = {}) {
    await page.getByRole('button', { name: 'Add new' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add new API key' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill(`${permissions} access, made in the browser`);
    await dialog.getByRole('group', { name: 'Permissions' }).getByRole('radio', { name: permissions, exact: true }).check();
    for (const scope of options.scopes ?? []) await dialog.getByRole('checkbox', { name: scope, exact: true }).check();
    if (options.expires) await dialog.getByLabel('Expires').fill(options.expires);
    return dialog;
  }

  const permissionsWord = (kind: 'all' | 'restricted' | 'readOnly') => ({ all: 'All', restricted: 'Restricted', readOnly: 'Read only' })[kind];
  const keyNames = (target: Page) => dataRows(target).locator('td:first-child .strong').allTextContents();
  const viewerOfKey = async (key: string) => (await gql('{ viewer { kind scopes apiKey { name } } }', key)).body;

  it('sends / to the console, whose sign-in page makes no request', async () => {
    await page.goto(server.url);
    expect(page.url()).toBe(`${server.url}/console/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.getByLabel('Organization').count()).resolves.toBe(0);
    expect(graphqlRequests).toBe(0);
    await inspect(page, 'sign-in');
    // The console is bundled; esbuild's child process, kept for builds that never come, has
    // gone rather than living beside the server (and in its way at shutdown).
    const esbuildService = () => childProcessesOf(server.process.pid!).filter((command) => command.includes(`--service=${esbuildVersion}`));
    await waitForValue(esbuildService, []);
  });

  it('checks the sign-in form in the page: nothing empty or without @ is sent', async () => {
    const signIn = page.getByRole('button', { name: 'Sign in' });
    await signIn.click();
    await page.getByText('Enter your email address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Password').getAttribute('aria-invalid')).resolves.toBe('true');
    // The first field to fix has the focus, and its message describes it.
    await waitForValue(() => hasFocus(page.getByLabel('Email')), true);
    const describedBy = (await page.getByLabel('Email').getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe('Enter your email address.');
    await checkAccessibility(page, 'sign-in-empty');
    await screenshot(page, 'sign-in-empty');

    await page.getByLabel('Email').fill('admin');
    await expect(page.getByText('Enter your email address.').count()).resolves.toBe(0);
    await signIn.click();
    await page.getByText('Enter an email address such as name@example.com.').waitFor();
    expect(graphqlRequests).toBe(0);
    await page.getByLabel('Email').fill('');
  });

  it('refuses a wrong password, then signs in with the printed one; the token stays in the tab', async () => {
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    expectOnly401(1);

    await signIn(page, 'admin@localhost', ownerPassword);
    for (const link of ['API keys', 'Members', 'Audit log']) await expect(page.getByRole('link', { name: link }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
    const token = (await page.evaluate('sessionStorage.getItem("keyward.session")')) as string;
    expect(token).toMatch(/^kws_/);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    // The session token lives in the tab only; the one cookie is the HttpOnly device token
    // (sign-in limits for a client used before), which no script can read.
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toEqual([['kw_device', '/graphql', true, 'Strict']]);
    expect(cookies[0]!.value).toMatch(/^kwd_/);
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.getByText('No API keys yet.').waitFor();
    await inspect(page, 'api-keys-empty');
  });

  it('keeps Change password under the account menu, named by the signed-in email, at every width', async () => {
    const account = page.getByRole('button', { name: 'admin@localhost', exact: true });
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: 'Change password' }).count()).resolves.toBe(0);
    await account.click();
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByText('Owner · default').waitFor();
    await checkAccessibility(page, 'account-menu');
    await screenshot(page, 'account-menu');
    // Escape closes it, back on the account button.
    await page.keyboard.press('Escape');
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await hasFocus(account)).toBe(true);

    // The account is reachable at phone width, beside Sign out.
    await page.setViewportSize(PHONE);
    for (const control of [account, page.getByRole('button', { name: 'Sign out' })]) {
      const box = (await control.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    }
    await account.click();
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill('not the password at all');
    await dialog.getByLabel('New password').fill('a-new-owner-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('This is not your current password.').waitFor();
    await checkAccessibility(page, 'change-password');
    await page.setViewportSize(LAPTOP);
    // Cancel gives the focus back to the account button, which opened it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await hasFocus(account)).toBe(true);

    await account.click();
    await page.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByLabel('Current password').fill(ownerPassword);
    await dialog.getByLabel('New password').fill('a-new-owner-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Your password has been changed.').waitFor();
    expect(await hasFocus(account)).toBe(true);
    expect(await loginToken('admin@localhost', 'a-new-owner-password')).toMatch(/^kws_/);
    ownerPassword = 'a-new-owner-password';
    // Dismissed with its button, the focus on the page's heading; navigation clears it too.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('Your password has been changed.').count()).resolves.toBe(0);
    expect(await settledFocus(page, 'h1:API keys')).toBe('h1:API keys');
    // Not on the organization's Members page any more.
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await expect(page.getByLabel('Current password').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API keys yet.').waitFor();
  });

  const keys: Record<string, { id: string; secret: string }> = {};

  it('creates a key of each kind; each secret is shown once, copies, works, and is gone after Done', async () => {
    let dialog = await addKey('Everything', 'All');
    await checkAccessibility(page, 'add-new');
    // While the dialog is open the page behind it is out of the accessibility tree: found
    // unscoped, the only buttons are the dialog's (strict locators find exactly one).
    expect(await page.getByRole('button').allTextContents()).toEqual(['Add rate limit', 'Cancel', 'Add API key']);
    await page.getByRole('button', { name: 'Add API key' }).click();
    keys.all = { secret: await takeSecret('Your new API key', 'secret'), id: '' };
    // Done gives the focus back to Add new, which opened the dialogs.
    expect(await settledFocus(page, 'button:Add new')).toBe('button:Add new');

    dialog = await addKey('Messaging', 'Restricted');
    // Only what a key may hold and the viewer holds: members:write is never offered.
    const scopes = dialog.getByRole('group', { name: 'Scopes' });
    await expect(scopes.getByRole('checkbox').count()).resolves.toBe(11);
    await expect(dialog.getByRole('checkbox', { name: 'members:write' }).count()).resolves.toBe(0);
    // One line per resource, by a readable name, its read and write boxes named by their scopes.
    const lines = await scopes.locator('.scope-line').evaluateAll((all) =>
      all.map((line) => [line.querySelector('.resource')!.textContent, [...line.querySelectorAll('input')].map((box) => box.getAttribute('aria-label'))]),
    );
    expect(lines).toEqual([
      ['API keys api_keys', ['api_keys:read', 'api_keys:write']],
      ['Members members', ['members:read']],
      ['Audit log audit_log', ['audit_log:read', 'audit_log:write']],
      ['Organization organization', ['organization:read', 'organization:write']],
      ['Messages messages', ['messages:read', 'messages:write']],
      ['Contacts contacts', ['contacts:read', 'contacts:write']],
    ]);
    for (const scope of ['messages:write', 'contacts:read']) await dialog.getByRole('checkbox', { name: scope, exact: true }).check();
    await checkAccessibility(page, 'add-new-restricted');
    await screenshot(page, 'add-new-restricted');
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    keys.restricted = { secret: await takeSecret('Your new API key'), id: '' };

    const inAMonth = new Date(Date.now() + 30 * 86_400_000);
    const expires = `${inAMonth.getFullYear()}-${String(inAMonth.getMonth() + 1).padStart(2, '0')}-${String(inAMonth.getDate()).padStart(2, '0')}`;
    dialog = await addKey('Reporting', 'Read only', { expires });
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    keys.readOnly = { secret: await takeSecret('Your new API key'), id: '' };

    for (const [name, kind, scopes] of [
      ['Everything', 'all', ['api_keys:read', 'api_keys:write', 'members:read', 'audit_log:read', 'audit_log:write', 'organization:read', 'organization:write', 'messages:read', 'messages:write', 'contacts:read', 'contacts:write']],
      ['Messaging', 'restricted', ['messages:write', 'contacts:read']],
      ['Reporting', 'readOnly', ['api_keys:read', 'members:read', 'audit_log:read', 'organization:read', 'messages:read', 'contacts:read']],
    ] as const) {
      const key = keys[kind]!;
      key.id = key.secret.split('_')[1]!;
      // The shown key works as is, with exactly the permissions picked.
      expect((await viewerOfKey(key.secret)).data.viewer).toEqual({ kind: 'API_KEY', scopes, apiKey: { name } });
      await row(page, name).waitFor();
      const cells = await row(page, name).getByRole('cell').allTextContents();
      expect(cells.slice(0, 8)).toEqual([
        `${name}${permissionsWord(kind)} access, made in the browser`,
        key.id,
        // The scopes' list is there, closed until its button opens it.
        kind === 'restricted' ? 'Restricted2 scopesmessages:writecontacts:read' : permissionsWord(kind),
        // Every instant one way: the day, then the time with its zone.
        expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2}\s[AP]M UTC by admin@localhost$/),
        `…${key.secret.slice(-4)}`,
        'Active',
        kind === 'readOnly' ? expect.stringMatching(new RegExp(`^[A-Z][a-z]{2} \\d{1,2}, ${inAMonth.getFullYear()} 11:59\\sPM UTC$`)) : 'Never',
        'Never',
      ]);
    }
    // Newest first.
    expect(await keyNames(page)).toEqual(['Reporting', 'Messaging', 'Everything']);

    // The exact time on hover: a <time> with its instant and, in its title, the second and the zone.
    const created = row(page, 'Everything').getByRole('cell').nth(3).locator('time');
    const [datetime, title] = await Promise.all([created.getAttribute('datetime'), created.getAttribute('title')]);
    expect(new Date(datetime!).toISOString()).toBe(datetime);
    expect(title).toMatch(/^\w+day, [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}:\d{2}\s[AP]M UTC$/);

    // A Restricted key's scopes are a button away, never only in a tooltip: by mouse or keyboard.
    const disclosure = row(page, 'Messaging').getByRole('button', { name: '2 scopes' });
    const listed = row(page, 'Messaging').getByRole('list');
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(listed.isVisible()).resolves.toBe(false);
    await disclosure.click();
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(listed.getByRole('listitem').allTextContents()).resolves.toEqual(['messages:write', 'contacts:read']);
    await checkAccessibility(page, 'scopes-open');
    await screenshot(page, 'scopes-open');
    await disclosure.focus();
    await page.keyboard.press('Enter');
    await expect(listed.isVisible()).resolves.toBe(false);
  });

  it('shows the API’s field errors beside the field, in the console’s words, and creates nothing', async () => {
    const dialog = await addKey('', 'Restricted');
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await dialog.getByText('Enter a name.').waitFor();
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
    await expect(dialog.locator(`[id="${describedBy.at(-1)}"]`).textContent()).resolves.toBe('Enter a name.');

    await dialog.getByLabel('Name').fill('No scopes');
    const yesterday = new Date(Date.now() - 86_400_000);
    await dialog.getByLabel('Expires').fill(`${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`);
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    await dialog.getByRole('group', { name: 'Scopes' }).getByText('Pick at least one scope, or choose other permissions.').waitFor();
    await dialog.getByRole('checkbox', { name: 'messages:read', exact: true }).check();
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    await dialog.getByText('Pick a day after today.').waitFor();
    // Never the API's own wording.
    expect(await dialog.textContent()).not.toMatch(/RESTRICTED|must be in the future|must not be empty/);
    await screenshot(page, 'field-errors');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await settledFocus(page, 'button:Add new')).toBe('button:Add new');
    await expect(dataRows(page).count()).resolves.toBe(3);
  });

  it('searches by name and pages through many keys', async () => {
    const token = (await page.evaluate('sessionStorage.getItem("keyward.session")')) as string;
    for (let i = 1; i <= 25; i++) {
      const made = await gql('mutation($n: String!) { createApiKey(input: { name: $n, access: READ_ONLY }) { apiKey { id } } }', token, { n: `Batch ${i}` });
      expect(made.body.errors).toBeUndefined();
    }
    await page.reload();
    await row(page, 'Batch 25').waitFor();
    await expect(dataRows(page).count()).resolves.toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await row(page, 'Everything').waitFor();
    await expect(dataRows(page).count()).resolves.toBe(28);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    await page.getByLabel('Search').fill('batch 2');
    await waitForCount(dataRows(page), 7);
    expect((await keyNames(page)).sort()).toEqual(
      ['Batch 2', 'Batch 20', 'Batch 21', 'Batch 22', 'Batch 23', 'Batch 24', 'Batch 25'].sort(),
    );
    await page.getByLabel('Search').fill('');
    await waitForCount(dataRows(page), 20);
  });

  it('shows an empty search with a way back, and Search and Status side by side at one height', async () => {
    const [search, status] = [(await page.getByLabel('Search').boundingBox())!, (await page.getByLabel('Status').boundingBox())!];
    expect([search.y, search.height]).toEqual([status.y, status.height]);

    await page.getByLabel('Status').selectOption({ label: 'Revoked' });
    await page.getByLabel('Search').fill('nothing like it');
    await page.getByText('No key’s name contains “nothing like it” among revoked keys.').waitFor();
    await expect(page.getByRole('table', { name: 'API keys' }).count()).resolves.toBe(0);
    await checkAccessibility(page, 'api-keys-no-match');
    await screenshot(page, 'api-keys-no-match');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount(dataRows(page), 20);
    await expect(page.getByLabel('Search').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('');
    expect(await hasFocus(page.getByLabel('Search'))).toBe(true);
  });

  it('opens a row’s Actions menu from the keyboard, and gives the focus back to it', async () => {
    const actions = (await findKey('Everything')).getByRole('button', { name: 'Actions', exact: true });
    await expect(actions.getAttribute('aria-haspopup')).resolves.toBe('menu');
    const menu = page.getByRole('menu', { name: 'Actions' });
    const current = () => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null));

    // Enter opens it on the first item; the arrows move round it; Escape closes it on the button.
    await actions.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual(['Edit', 'Rotate', 'Revoke']);
    await expect(actions.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await current()).toBe('Edit');
    await checkAccessibility(page, 'actions-menu');
    await screenshot(page, 'actions-menu');
    const steps: [string, string][] = [['ArrowDown', 'Rotate'], ['ArrowDown', 'Revoke'], ['ArrowDown', 'Edit'], ['ArrowUp', 'Revoke'], ['Home', 'Edit'], ['End', 'Revoke']];
    for (const [key, item] of steps) {
      await page.keyboard.press(key);
      expect([key, await current()]).toEqual([key, item]);
    }
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect(actions.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await hasFocus(actions)).toBe(true);

    // Space and ArrowDown open it too (ArrowUp on the last item); a click outside closes it.
    await page.keyboard.press('Space');
    await menu.waitFor();
    expect(await current()).toBe('Edit');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    expect(await current()).toBe('Revoke');
    await page.getByRole('heading', { level: 1, name: 'API keys' }).click();
    await menu.waitFor({ state: 'detached' });

    // A choice opens its dialog; closing the dialog puts the focus back on the row's Actions.
    await actions.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit “Everything”' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await hasFocus(actions)).toBe(true);
    await page.getByLabel('Search').fill('');
    await waitForCount(dataRows(page), 20);
  });

  it('lays the key table out in fixed columns at laptop widths: nothing wraps, nothing shifts', async () => {
    const headerWidths = () => page.getByRole('table', { name: 'API keys' }).locator('thead th').evaluateAll((all) => all.map((th) => th.getBoundingClientRect().width));
    for (const width of [1024, 1280, 1440]) {
      await photographKeys(width);
      const table = page.getByRole('table', { name: 'API keys' });
      const layout = await table.evaluate((el) => {
        const rows = [...el.querySelectorAll('tbody tr')] as HTMLElement[];
        const region = el.closest('.table-region')!;
        return {
          tableLayout: getComputedStyle(el).tableLayout,
          // Cut off at the right edge, or pushed past it: neither.
          fits: region.scrollWidth === region.clientWidth,
          // One row height for every key: no name, date or button wraps where another does not.
          rowHeights: [...new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)))].length,
          // Each Actions button on one line, in its row.
          actionHeights: [...new Set([...el.querySelectorAll('tbody [aria-label="Actions"]')].map((b) => Math.round(b.getBoundingClientRect().height)))].length,
          // A long name ends in an ellipsis, whole in its title.
          nameCells: rows.every((r) => {
            const name = r.querySelector('.cell-name .clip') as HTMLElement;
            return getComputedStyle(name).whiteSpace === 'nowrap' && getComputedStyle(name).textOverflow === 'ellipsis' && name.title === name.textContent;
          }),
        };
      });
      expect({ width, ...layout }).toEqual({ width, tableLayout: 'fixed', fits: true, rowHeights: 1, actionHeights: 1, nameCells: true });
      // The columns keep their widths whatever rows the list holds.
      const before = await headerWidths();
      await page.getByLabel('Search').fill('Everything');
      await waitForCount(dataRows(page), 1);
      expect(await headerWidths()).toEqual(before);
      await page.getByLabel('Search').fill('');
      await waitForCount(dataRows(page), 20);
    }
    await page.setViewportSize(LAPTOP);
  });

  it('shows each key as a compact card at phone width, the account within reach', async () => {
    await photographKeys(PHONE.width);
    const heights = await dataRows(page).evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height)));
    expect(heights).toHaveLength(20);
    expect(Math.max(...heights)).toBeLessThanOrEqual(200);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expect(page.getByRole('button', { name: 'admin@localhost', exact: true }).isVisible()).resolves.toBe(true);
    // The menu still opens, within the screen.
    await dataRows(page).first().getByRole('button', { name: 'Actions', exact: true }).click();
    const menu = (await page.getByRole('menu', { name: 'Actions' }).boundingBox())!;
    expect(menu.x >= 0 && menu.x + menu.width <= PHONE.width).toBe(true);
    await page.keyboard.press('Escape');
    await checkAccessibility(page, 'api-keys-phone');
    await page.setViewportSize(LAPTOP);
  });

  it('edits a key: name, description, permissions', async () => {
    await rowAction('Reporting', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Edit “Reporting”' });
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Reporting');
    await expect(dialog.getByRole('radio', { name: 'Read only' }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('Name').fill('Reporting (messages)');
    await dialog.getByLabel('Description').fill('Reads messages for the weekly report');
    await dialog.getByRole('radio', { name: 'Restricted' }).check();
    await dialog.getByRole('checkbox', { name: 'messages:read', exact: true }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await row(page, 'Reporting (messages)').getByText('Reads messages for the weekly report').waitFor();
    await expect(row(page, 'Reporting (messages)').getByRole('cell', { name: 'Restricted' }).count()).resolves.toBe(1);
    expect((await viewerOfKey(keys.readOnly!.secret)).data.viewer.scopes).toEqual(['messages:read']);
  });

  it('rotates a key: the new key is shown once, the old one stops at once', async () => {
    const actions = await rowAction('Everything', 'Rotate');
    const dialog = page.getByRole('dialog', { name: 'Rotate “Everything”' });
    await expect(dialog.getByLabel('Grace period').inputValue()).resolves.toBe('0');
    await checkAccessibility(page, 'rotate');
    await dialog.getByRole('button', { name: 'Rotate' }).click();
    const rotated = await takeSecret('Your rotated API key');

    expect(rotated).not.toBe(keys.all!.secret);
    expect(rotated.split('_')[1]).toBe(keys.all!.id);
    expect((await viewerOfKey(keys.all!.secret)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await viewerOfKey(rotated)).data.viewer.apiKey.name).toBe('Everything');
    await row(page, 'Everything').getByRole('cell', { name: `…${rotated.slice(-4)}` }).waitFor();
    expect(await hasFocus(actions)).toBe(true);
    keys.all!.secret = rotated;
  });

  it('revokes a key after confirmation; its status changes, its Actions go, the focus stays on the table', async () => {
    const actions = await rowAction('Messaging', 'Revoke');
    const dialog = page.getByRole('dialog', { name: 'Revoke “Messaging”?' });
    // Cancel changes nothing and gives focus back to the row's Actions button.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await hasFocus(actions)).toBe(true);

    await rowAction('Messaging', 'Revoke');
    await dialog.waitFor();
    // Behind the open dialog the page is out of the accessibility tree, so a tool that asks
    // the whole page for the button named Revoke finds the dialog's alone.
    expect(await page.getByRole('button').allTextContents()).toEqual(['Cancel', 'Revoke']);
    await checkAccessibility(page, 'revoke');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await row(page, 'Messaging').getByText('Revoked', { exact: true }).waitFor();
    await expect(row(page, 'Messaging').getByRole('button', { name: 'Actions' }).count()).resolves.toBe(0);
    expect((await viewerOfKey(keys.restricted!.secret)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    // Its Actions button went with the revocation: the focus is on the table, never on <body>.
    await waitForValue(() => focused(page), 'region:API keys');

    // The notice can be closed, and a new search clears it.
    const notice = page.getByRole('status').filter({ hasText: 'Revoked “Messaging”.' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice.count()).resolves.toBe(0);
    expect(await settledFocus(page, 'h1:API keys')).toBe('h1:API keys');
    await rowAction('Reporting (messages)', 'Edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Reporting (messages)”.').waitFor();
    await page.getByLabel('Search').fill('Everything');
    await expect(page.getByText('Saved “Reporting (messages)”.').count()).resolves.toBe(0);
    // … and so does leaving the page.
    await rowAction('Everything', 'Edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Everything”.').waitFor();
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await waitForCount(dataRows(page), 20);
    await expect(page.getByText('Saved “Everything”.').count()).resolves.toBe(0);

    await page.getByLabel('Status').selectOption({ label: 'Revoked' });
    await waitForCount(dataRows(page), 1);
    expect(await keyNames(page)).toEqual(['Messaging']);
    await page.getByLabel('Status').selectOption({ label: 'All statuses' });
    await waitForCount(dataRows(page), 20);
    // At laptop width the whole table fits, Actions included: nothing is cut off at the right edge.
    const [scrollWidth, clientWidth] = await page.locator('.table-region').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBe(clientWidth);
    await inspect(page, 'api-keys');
  });

  it('adds members, changes a role and removes a member', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();

    const add = async (email: string, name: string, role: string, password: string) => {
      await page.getByRole('button', { name: 'Add member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add member' });
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Role').selectOption({ label: role });
      await dialog.getByLabel('Password').fill(password);
      // Unscoped and strict: the page's own Add member button is hidden behind the dialog.
      await page.getByRole('button', { name: 'Add member' }).click();
      return dialog;
    };
    // Too short a password: the API's message beside the field, nobody added.
    const refused = await add('vera@acme.test', 'Vera Viewer', 'Viewer', 'short');
    await refused.getByText('Use 12 to 128 characters.').waitFor();
    await checkAccessibility(page, 'add-member');
    await refused.getByLabel('Password').fill('vera-viewer-password');
    expect(await page.getByRole('button').allTextContents()).toEqual(['Cancel', 'Add member']);
    await page.getByRole('button', { name: 'Add member' }).click();
    await row(page, 'vera@acme.test').waitFor();
    await add('temp@acme.test', 'Tim Temporary', 'Admin', 'temporary-password');
    await row(page, 'temp@acme.test').waitFor();

    await row(page, 'temp@acme.test').getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Viewer' });
    await page.getByText('temp@acme.test is now Viewer.').waitFor();
    const members = async () =>
      (await gql('{ members { edges { node { email role } } } }', await loginToken('admin@localhost', ownerPassword))).body.data.members.edges.map(
        (e: { node: unknown }) => e.node,
      );
    expect(await members()).toEqual(expect.arrayContaining([{ email: 'temp@acme.test', role: 'VIEWER' }]));

    await row(page, 'temp@acme.test').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: 'Remove temp@acme.test?' }).getByRole('button', { name: 'Remove' }).click();
    await row(page, 'temp@acme.test').waitFor({ state: 'detached' });
    // The Remove button went with the row: the focus is on the table.
    await waitForValue(() => focused(page), 'region:Members');
    expect((await members()).map((m: { email: string }) => m.email).sort()).toEqual(['admin@localhost', 'vera@acme.test']);
    // Oneself: no role select, no Remove.
    await expect(row(page, 'admin@localhost').getByRole('button').count()).resolves.toBe(0);
    await inspect(page, 'members');
  });

  it('shows the audit log in words, newest first, page by page, filtered by action and actor', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const auditRows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
    const cells = () => auditRows.evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent)));
    const summaries = async () => (await cells()).map(([action]) => action);
    await waitForCount(auditRows, 25);
    // Action in words (the API's name beside it), actor and target by name; a sign-in names its member once.
    expect((await cells()).slice(0, 4)).toEqual([
      ['Signed inmember.login', 'admin@localhostMember', '—', '127.0.0.1', expect.stringMatching(/\d{4} \d{2}:\d{2}\s[AP]M UTC$/)],
      ['Removed a membermember.removed', 'admin@localhostMember', '—', '127.0.0.1', expect.anything()],
      ['Signed inmember.login', 'admin@localhostMember', '—', '127.0.0.1', expect.anything()],
      // temp@acme.test has been removed since: the log keeps IDs, so it no longer names them.
      ['Changed the role of a membermember.role_changed', 'admin@localhostMember', '—', '127.0.0.1', expect.anything()],
    ]);
    expect((await auditRows.first().locator('time').getAttribute('title'))!).toMatch(/:\d{2}\s[AP]M UTC$/);

    await page.getByRole('button', { name: 'Load more' }).click();
    await row(page, 'organization.created').waitFor();
    const all = await summaries();
    expect(all.length).toBeGreaterThan(25);
    for (const words of [
      'Created organization "default"organization.created',
      'Failed sign-in as admin@localhostmember.login_failed',
      'Created key "Everything"api_key.created',
      'Edited key "Reporting (messages)"api_key.updated',
      'Rotated key "Everything"api_key.rotated',
      'Revoked key "Messaging"api_key.revoked',
      'Added member vera@acme.testmember.added',
      'Changed their passwordmember.password_changed',
    ]) {
      expect(all).toContain(words);
    }
    expect(all.at(-1)).toBe('Created organization "default"organization.created');
    const revoked = (await cells()).find(([action]) => action!.startsWith('Revoked key'))!;
    expect(revoked.slice(1, 3)).toEqual(['admin@localhostMember', 'Messaging']);
    await inspect(page, 'audit-log');

    // Filters: by action, by actor, and both; each change reloads the list from the first page.
    await page.getByLabel('Action').selectOption({ label: 'Key revoked' });
    await waitForValue(summaries, ['Revoked key "Messaging"api_key.revoked']);
    await page.getByLabel('Action').selectOption({ label: 'Member added' });
    await waitForValue(summaries, ['Added a membermember.added', 'Added member vera@acme.testmember.added']);
    await page.getByLabel('Actor').selectOption({ label: 'vera@acme.test' });
    await page.getByText('No event matches these filters.').waitFor();
    await checkAccessibility(page, 'audit-log-no-match');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCount(auditRows, 25);
    await expect(page.getByLabel('Action').inputValue()).resolves.toBe('');
    await page.getByLabel('Action').selectOption({ label: 'Signed in' });
    await waitForValue(async () => new Set((await cells()).map(([, actor]) => actor)).size, 1);
    await page.getByLabel('Action').selectOption({ label: 'All actions' });
    await waitForCount(auditRows, 25);

    // The same words for every client: the API resolves them, and filters too.
    const token = await loginToken('admin@localhost', ownerPassword);
    const { body } = await gql(
      '{ auditEvents(first: 2, filter: { action: "api_key.revoked" }) { totalCount edges { node { action summary actorName targetName targetId } } } }',
      token,
    );
    expect(body.data.auditEvents).toEqual({
      totalCount: 1,
      edges: [{ node: { action: 'api_key.revoked', summary: 'Revoked key "Messaging"', actorName: 'admin@localhost', targetName: 'Messaging', targetId: keys.restricted!.id } }],
    });
    const refused = await gql('{ auditEvents(filter: { action: "api_key.exploded" }) { totalCount } }', token);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
  });

  it("gives a VIEWER a read-only view: no write action is offered at all", async () => {
    // A new tab: sessionStorage is per tab, so this is a second, separate session.
    const tab = await context.newPage();
    watch(tab);
    await tab.goto(`${server.url}/console/`);
    await signIn(tab, 'vera@acme.test', 'vera-viewer-password');
    await row(tab, 'Batch 25').waitFor();
    for (const name of ['Add new', 'Actions', 'Edit', 'Rotate', 'Revoke']) await expect(tab.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
    await expect(tab.getByRole('menuitem').count()).resolves.toBe(0);
    await inspect(tab, 'viewer-api-keys');
    // Nor on a key's own page.
    await row(tab, 'Batch 25').getByRole('link', { name: 'Batch 25' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Batch 25' }).waitFor();
    await tab.getByRole('region', { name: 'Verifications' }).getByText('No verifications in this period.').waitFor();
    for (const name of ['Edit', 'Rotate', 'Revoke']) await expect(tab.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
    await checkAccessibility(tab, 'viewer-api-key');

    await tab.getByRole('link', { name: 'Members' }).click();
    // The members page first: until it shows, every key row names admin@localhost as its creator.
    await tab.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await row(tab, 'admin@localhost').waitFor();
    await expect(tab.getByRole('button', { name: 'Add member' }).count()).resolves.toBe(0);
    await expect(tab.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(0);
    await expect(tab.getByRole('combobox', { name: 'Role' }).count()).resolves.toBe(0);

    // Everyone may change their own password, from their account menu.
    await tab.getByRole('button', { name: 'vera@acme.test', exact: true }).click();
    await tab.getByRole('button', { name: 'Change password' }).click();
    await tab.getByLabel('Current password').fill('vera-viewer-password');
    await tab.getByLabel('New password').fill('vera-second-password');
    await tab.getByRole('button', { name: 'Change password' }).click();
    await tab.getByText('Your password has been changed.').waitFor();
    expect(await loginToken('vera@acme.test', 'vera-second-password')).toMatch(/^kws_/);
    await inspect(tab, 'viewer-members');
    await tab.close();
  });

  it('returns to sign-in with a message when the session has expired', async () => {
    const token = (await page.evaluate('sessionStorage.getItem("keyward.session")')) as string;
    expect((await gql('mutation { logout }', token)).body.data.logout).toBe(true);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('Your session has expired. Sign in again.').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("keyward.session")')).toBeNull();
    expectOnly401(1);
    await inspect(page, 'session-expired');
  });

  it('signs out: the session ends on the server and leaves the tab', async () => {
    await signIn(page, 'admin@localhost', ownerPassword);
    const token = (await page.evaluate('sessionStorage.getItem("keyward.session")')) as string;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect((await gql('{ viewer { kind } }', token)).status).toBe(401);
  });

  it("serves GraphiQL offline, opening on Keyward's first step, which runs", async () => {
    await page.goto(`${server.url}/graphql`);
    const run = page.getByRole('button', { name: /Execute query/ });
    await run.waitFor({ timeout: 30_000 });
    await page.getByText('mutation SignIn').waitFor();
    expect(await page.locator('.graphiql-tab-button').allTextContents()).toEqual(['SignIn', 'CreateKey', 'ListKeys']);

    // Step 1 as the README says: the printed password pasted in place of the placeholder.
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(
      'mutation SignIn { login(email: "admin@localhost", password: ' + JSON.stringify(ownerPassword) + ') { token member { email role } } }',
    );
    await run.click();
    await page.locator('.graphiql-response').getByText(/"kws_[0-9A-Za-z_-]+"/).waitFor();
    await expect(page.locator('.graphiql-response').getByText('"OWNER"').count()).resolves.toBe(1);
    // GraphiQL's tab bar nests its buttons in role=tab items (nested-interactive, upstream in
    // graphql/graphiql); everything else on the page must pass like the console's pages.
    await checkAccessibility(page, 'graphiql', { rule: 'nested-interactive', className: 'graphiql-tab' });
    await screenshot(page, 'graphiql');
  });

  it('asks for the organization only when the email belongs to several', async () => {
    const signUp = await gql(
      'mutation($i: SignUpInput!) { signUp(input: $i) { member { email } } }',
      undefined,
      { i: { organization: 'Globex', name: 'Admin again', email: 'admin@localhost', password: 'globex-owner-password' } },
    );
    expect(signUp.body.data.signUp.member.email).toBe('admin@localhost');

    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill('globex-owner-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const organization = page.getByLabel('Organization');
    await organization.waitFor();
    await expect(organization.getAttribute('aria-invalid')).resolves.toBe('true');
    await checkAccessibility(page, 'sign-in-organization');
    await organization.fill('globex');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.getByText('Globex', { exact: true }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API keys yet.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
  });

  it('names every member by email in the audit log, however many the organization has (the server names them)', async () => {
    const owner = (
      await gql('mutation($o: String) { login(email: "admin@localhost", password: "globex-owner-password", organization: $o) { token } }', undefined, {
        o: 'globex',
      })
    ).body.data.login.token as string;
    // More than one page of the member list (100): the newest events are about the last ones added.
    const emails = Array.from({ length: 101 }, (_, i) => `person${String(i + 1).padStart(3, '0')}@globex.test`);
    for (const email of emails) {
      const added = await gql('mutation($i: AddMemberInput!) { addMember(input: $i) { member { id } } }', owner, {
        i: { email, name: email, role: 'VIEWER', password: 'a-long-enough-password' },
      });
      expect(added.body.errors).toBeUndefined();
    }

    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill('globex-owner-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Organization').fill('globex');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    const auditRows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
    await waitForCount(auditRows, 25);
    const cells = () => auditRows.evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent)));
    const isAdded = (action: string | null | undefined) => action!.endsWith('member.added');
    const added = (await cells()).filter(([action]) => isAdded(action)).length;
    expect(added).toBeGreaterThanOrEqual(20);
    const targetsOfAdded = async () => (await cells()).filter(([action]) => isAdded(action)).map(([action, actor, target]) => [action, actor, target]);
    expect(await targetsOfAdded()).toEqual(
      emails
        .slice(-added)
        .reverse()
        .map((email) => [`Added member ${email}member.added`, 'admin@localhostMember', email]),
    );
    // The Actor filter offers every member, past the first hundred.
    await waitForCount(page.getByLabel('Actor').locator('option'), 103);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
  });
  // Usage controls (SPEC §9) and usage, in the default organization again: admin@localhost now also owns Globex.
  const metered = { id: '', secret: '' };
  let defaultToken = '';
  const controlsOf = async (id: string) =>
    (
      await gql(
        'query($id: ID!) { apiKey(id: $id) { rateLimits { name limit durationSeconds autoApply cost shared } credits { remaining refill { interval amount dayOfMonth } } allowedIps owner meta } }',
        defaultToken,
        { id },
      )
    ).body.data.apiKey;
  const verify = async (ip: string) =>
    (await gql('query($k: String!, $ip: String) { verifyApiKey(key: $k, ip: $ip) { code remaining } }', undefined, { k: metered.secret, ip })).body.data.verifyApiKey;
  /** A key's page's settings, term by term, as text. */
  const settingsShown = async () =>
    Object.fromEntries(await page.locator('dl .setting').evaluateAll((all) => all.map((s) => [s.querySelector('dt')!.textContent, s.querySelector('dd')!.textContent])));

  it('sets a key’s usage controls in the dialog; a bad address or bad metadata is refused beside its field and creates nothing', async () => {
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill(ownerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Organization').fill('default');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    const login = await gql('mutation($p: String!) { login(email: "admin@localhost", password: $p, organization: "default") { token } }', undefined, { p: ownerPassword });
    defaultToken = login.body.data.login.token;
    const meteredKeys = async () => (await gql('{ apiKeys(filter: { search: "Metered" }) { totalCount } }', defaultToken)).body.data.apiKeys.totalCount;

    const dialog = await addKey('Metered', 'All');
    const addLimit = dialog.getByRole('button', { name: 'Add rate limit' });
    // A new row takes the focus on its first field; removing one gives it back to Add rate limit.
    await addLimit.click();
    const first = dialog.getByRole('group', { name: 'Rate limit 1' });
    await waitForValue(() => hasFocus(first.getByLabel('Identifier')), true);
    await first.getByLabel('Identifier').fill('requests');
    await first.getByLabel('Limit').fill('100');
    await expect(first.getByLabel('Unit').inputValue()).resolves.toBe('minutes');
    for (let i = 0; i < 2; i++) await addLimit.click();
    await dialog.getByRole('group', { name: 'Rate limit 3' }).getByRole('button', { name: 'Remove' }).click();
    await waitForCount(dialog.getByRole('group', { name: /^Rate limit \d$/ }), 2);
    await waitForValue(() => hasFocus(addLimit), true);
    const second = dialog.getByRole('group', { name: 'Rate limit 2' });
    await second.getByLabel('Identifier').fill('exports');
    await second.getByLabel('Limit').fill('10');
    await second.getByLabel('Per').fill('2');
    // Two days: longer than a rate limit may be.
    await second.getByLabel('Unit').selectOption('day');
    await second.getByLabel('Apply to every use').uncheck();
    await second.getByLabel('Cost').fill('2');

    // Credits: their fields appear with the box that asks for them.
    await expect(dialog.getByLabel('Remaining').count()).resolves.toBe(0);
    await dialog.getByLabel('Limit uses with credits').check();
    await dialog.getByLabel('Remaining').fill('50');
    await dialog.getByLabel('Refill', { exact: true }).selectOption({ label: 'Monthly' });
    await dialog.getByLabel('Amount').fill('1000');
    await dialog.getByLabel('Day of month').fill('15');
    await dialog.getByLabel('Allowed IP addresses').fill('127.0.0.1\n10.0.0.0/8\n300.1.2.3');
    await dialog.getByLabel('Owner').fill('cus_123');
    const meta = dialog.getByLabel('Metadata');
    await meta.fill('{"plan": ');

    // Metadata that is not a JSON object: the page says so beside the field, without asking the API.
    const requestsBefore = graphqlRequests;
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    await dialog.getByText('This is not valid JSON. Enter an object, such as {"plan": "pro"}.').waitFor();
    await expect(meta.getAttribute('aria-invalid')).resolves.toBe('true');
    const metaDescribedBy = (await meta.getAttribute('aria-describedby'))!.split(' ');
    await expect(dialog.locator(`[id="${metaDescribedBy.at(-1)}"]`).textContent()).resolves.toBe('This is not valid JSON. Enter an object, such as {"plan": "pro"}.');
    await waitForValue(() => hasFocus(meta), true);
    expect(graphqlRequests).toBe(requestsBefore);
    await meta.fill('["pro"]');
    await expect(dialog.getByText('This is not valid JSON.', { exact: false }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    await dialog.getByText('Enter a JSON object, such as {"plan": "pro"}, not a list or a single value.').waitFor();
    expect(graphqlRequests).toBe(requestsBefore);
    await meta.fill('{"plan": "pro"}');

    // The API's refusals, in the console's words beside their fields: the period first, then the address.
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    const limits = dialog.getByRole('group', { name: 'Rate limits' });
    await limits.getByText('Each rate limit’s period is from 1 second to 1 day.').waitFor();
    await second.getByLabel('Unit').selectOption('hours');
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    const addresses = dialog.getByLabel('Allowed IP addresses');
    const addressError = '“300.1.2.3” is not an IP address or range. Write one a line, such as 203.0.113.7 or 10.0.0.0/8.';
    await dialog.getByText(addressError).waitFor();
    await expect(addresses.getAttribute('aria-invalid')).resolves.toBe('true');
    const addressDescribedBy = (await addresses.getAttribute('aria-describedby'))!.split(' ');
    await expect(dialog.locator(`[id="${addressDescribedBy.at(-1)}"]`).textContent()).resolves.toBe(addressError);
    await expect(limits.getByText('Each rate limit’s period').count()).resolves.toBe(0);
    expect(await dialog.textContent()).not.toMatch(/IPv4 or IPv6|must be a whole number|JSON object of/);
    expect(await meteredKeys()).toBe(0);
    await checkAccessibility(page, 'add-new-usage-controls');
    await screenshot(page, 'add-new-usage-controls');

    await addresses.fill('127.0.0.1\n10.0.0.0/8');
    await dialog.getByRole('button', { name: 'Add API key' }).click();
    metered.secret = await takeSecret('Your new API key');
    metered.id = metered.secret.split('_')[1]!;
    expect(await settledFocus(page, 'button:Add new')).toBe('button:Add new');
    expect(await meteredKeys()).toBe(1);
    expect(await controlsOf(metered.id)).toEqual({
      rateLimits: [
        { name: 'requests', limit: 100, durationSeconds: 60, autoApply: true, cost: 1, shared: false },
        { name: 'exports', limit: 10, durationSeconds: 7200, autoApply: false, cost: 2, shared: false },
      ],
      credits: { remaining: 50, refill: { interval: 'MONTHLY', amount: 1000, dayOfMonth: 15 } },
      allowedIps: ['127.0.0.1', '10.0.0.0/8'],
      owner: 'cus_123',
      meta: { plan: 'pro' },
    });
  });

  it('opens a key’s own page from the list: its settings, its actions, and its verifications by outcome in a chart and in words', async () => {
    await row(page, 'Metered').getByRole('link', { name: 'Metered' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metered' }).waitFor();
    expect(page.url()).toBe(`${server.url}/console/#/keys/${metered.id}`);
    await expect(page.getByRole('link', { name: 'API keys' }).getAttribute('aria-current')).resolves.toBe('location');
    expect(await settingsShown()).toEqual({
      'Key ID': metered.id,
      Status: 'Active',
      Permissions: 'All',
      Created: expect.stringMatching(/UTC by admin@localhost$/),
      'Last four': `…${metered.secret.slice(-4)}`,
      Expires: 'Never',
      'Last used': 'Never',
      Owner: 'cus_123',
      'Rate limits': 'requests: 100 per minute, on every useexports: 10 per 2 hours, when a verification names it, each use costs 2',
      Credits: '50 left, refilled to 1,000 on day 15 of each month',
      'Allowed addresses': '127.0.0.110.0.0.0/8',
      Metadata: '{\n  "plan": "pro"\n}',
    });
    for (const action of ['Edit', 'Rotate', 'Revoke']) await expect(page.getByRole('button', { name: action, exact: true }).count()).resolves.toBe(1);
    const verifications = page.getByRole('region', { name: 'Verifications' });
    await verifications.getByText('No verifications in this period.').waitFor();
    await expect(verifications.getByRole('radio', { name: 'Last day' }).isChecked()).resolves.toBe(true);

    // Uses through the API: from allowed addresses, and from one that is not.
    const answers = [];
    for (const ip of ['127.0.0.1', '10.1.2.3', '127.0.0.1', '192.0.2.1', '192.0.2.1']) answers.push(await verify(ip));
    expect(answers).toEqual([
      { code: 'VALID', remaining: 49 },
      { code: 'VALID', remaining: 48 },
      { code: 'VALID', remaining: 47 },
      { code: 'IP_NOT_ALLOWED', remaining: null },
      { code: 'IP_NOT_ALLOWED', remaining: null },
    ]);
    // The server writes usage counts every 5 s (visible within 15 s, SPEC §9), in its own
    // process: ask the API, as the console does, until they are there.
    const keyUsage = async () => {
      const { body } = await gql('query($id: ID, $from: DateTime!, $to: DateTime!) { usage(apiKeyId: $id, from: $from, to: $to, interval: MINUTE) { counts { code count } } }', defaultToken, {
        id: metered.id,
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      });
      const totals: Record<string, number> = {};
      for (const bucket of body.data.usage) for (const { code, count } of bucket.counts) totals[code] = (totals[code] ?? 0) + count;
      return totals;
    };
    await waitForValue(keyUsage, { VALID: 3, IP_NOT_ALLOWED: 2 }, 20_000);

    // Each period asks again: the chart, its legend, and the same totals in words.
    const figure = verifications.getByRole('figure');
    for (const [period, words] of [
      ['Last hour', 'in the last hour'],
      ['Last 30 days', 'in the last 30 days'],
      ['Last day', 'in the last day'],
    ]) {
      await verifications.getByRole('radio', { name: period }).check();
      const sentence = `5 verifications ${words}: 3 valid, 2 address not allowed.`;
      await waitForValue(() => figure.locator('figcaption').textContent(), sentence);
      // The sentence names the figure.
      await expect(verifications.getByRole('figure', { name: sentence, exact: true }).count()).resolves.toBe(1);
    }
    await expect(figure.locator('.u-legend .u-label').allTextContents()).resolves.toEqual(['When', 'Valid', 'Address not allowed']);
    await expect(figure.locator('canvas').count()).resolves.toBe(1);
    // The canvas is out of the accessibility tree: the sentence is its text alternative.
    await expect(figure.locator('.usage-plot').getAttribute('aria-hidden')).resolves.toBe('true');

    // As wide as the page at every width: the chart follows its container.
    const plotWidth = () => figure.locator('canvas').evaluate((canvas) => Math.round(canvas.getBoundingClientRect().width));
    const laptopWidth = await plotWidth();
    await page.setViewportSize(PHONE);
    await waitForValue(async () => (await plotWidth()) < PHONE.width - 20, true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(LAPTOP);
    await waitForValue(plotWidth, laptopWidth);
    await inspect(page, 'api-key');
  });

  it('edits a key’s usage controls from its page, sending only what changed: an emptied list is [], unchecked credits null', async () => {
    const sent: unknown[] = [];
    const capture = (request: Request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.query?.includes('ConsoleUpdateApiKey')) sent.push(body.variables.input);
    };
    page.on('request', capture);
    const edit = page.getByRole('button', { name: 'Edit', exact: true });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit “Metered”' });
    // The dialog opens with the key's controls as they are.
    const second = dialog.getByRole('group', { name: 'Rate limit 2' });
    expect([await second.getByLabel('Identifier').inputValue(), await second.getByLabel('Per').inputValue(), await second.getByLabel('Unit').inputValue()]).toEqual([
      'exports',
      '2',
      'hours',
    ]);
    await expect(dialog.getByLabel('Limit uses with credits').isChecked()).resolves.toBe(true);
    await expect(dialog.getByLabel('Day of month').inputValue()).resolves.toBe('15');
    await expect(dialog.getByLabel('Allowed IP addresses').inputValue()).resolves.toBe('127.0.0.1\n10.0.0.0/8');

    await second.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByLabel('Limit uses with credits').uncheck();
    await dialog.getByLabel('Allowed IP addresses').fill('');
    await dialog.getByLabel('Owner').fill('cus_456');
    await checkAccessibility(page, 'edit-usage-controls');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Metered”.').waitFor();
    page.off('request', capture);
    // Back on Edit, which opened the dialog.
    expect(await settledFocus(page, 'button:Edit')).toBe('button:Edit');

    const requests = { name: 'requests', limit: 100, durationSeconds: 60, autoApply: true, cost: 1, shared: false };
    expect(sent).toEqual([{ rateLimits: [requests], credits: null, allowedIps: [], owner: 'cus_456' }]);
    expect(await controlsOf(metered.id)).toEqual({ rateLimits: [requests], credits: null, allowedIps: [], owner: 'cus_456', meta: { plan: 'pro' } });
    await waitForValue(async () => (await settingsShown())['Owner'], 'cus_456');
    expect(await settingsShown()).toMatchObject({
      'Rate limits': 'requests: 100 per minute, on every use',
      Credits: 'Unlimited',
      'Allowed addresses': 'Any address',
    });
    // From any address now, and without credits.
    expect(await verify('192.0.2.1')).toEqual({ code: 'VALID', remaining: null });
  });

  it('shows the organization’s verifications above the key list, the totals the API gives, in words too', async () => {
    // Every key of the organization over the last day (HOUR buckets, as the chart asks), once the last use above is counted.
    const hour = 3_600_000;
    const now = Date.now() - (Date.now() % hour);
    const usageTotals = async (apiKeyId: string | null) => {
      const { body } = await gql(
        'query($id: ID, $from: DateTime!, $to: DateTime!) { usage(apiKeyId: $id, from: $from, to: $to, interval: HOUR) { counts { code count } } }',
        defaultToken,
        { id: apiKeyId, from: new Date(now - 23 * hour).toISOString(), to: new Date(now + hour).toISOString() },
      );
      const totals: Record<string, number> = {};
      for (const bucket of body.data.usage) for (const { code, count } of bucket.counts) totals[code] = (totals[code] ?? 0) + count;
      return totals;
    };
    await waitForValue(async () => (await usageTotals(metered.id)).VALID, 4, 20_000);
    const totals = await usageTotals(null);
    // The chart reads the usage when the list opens.
    await page.getByRole('link', { name: 'All keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    // The console's words for each outcome, in its fixed order.
    const words: [string, string][] = [
      ['VALID', 'valid'],
      ['MALFORMED', 'malformed'],
      ['NOT_FOUND', 'not found'],
      ['REVOKED', 'revoked'],
      ['EXPIRED', 'expired'],
      ['IP_NOT_ALLOWED', 'address not allowed'],
      ['INSUFFICIENT_SCOPE', 'missing scope'],
      ['RATE_LIMITED', 'rate limited'],
      ['USAGE_EXCEEDED', 'out of credits'],
    ];
    const total = Object.values(totals).reduce((sum, n) => sum + n, 0);
    expect(totals.VALID).toBeGreaterThan(4);
    const expected = `${total.toLocaleString('en-US')} verifications in the last day: ${words
      .filter(([code]) => totals[code])
      .map(([code, word]) => `${totals[code]!.toLocaleString('en-US')} ${word}`)
      .join(', ')}.`;
    const verifications = page.getByRole('region', { name: 'Verifications' });
    await waitForValue(() => verifications.getByRole('figure').locator('figcaption').textContent(), expected);
    await dataRows(page).first().waitFor();
    await inspect(page, 'api-keys-usage');
  });

  // Webhooks, the leak policy and leaked keys (SPEC §10), in the default organization, signed in as its owner.
  const endpoint = { id: '', secret: '' };
  const webhooksOf = async () => (await gql('{ webhooks { id url events enabled disabledReason } }', defaultToken)).body.data.webhooks;
  const deliveryRows = (target: Page) => target.getByRole('table', { name: 'Deliveries' }).locator('tbody tr.delivery');
  /** Each delivery as the page shows it, newest first. */
  const deliveriesShown = (target: Page) =>
    deliveryRows(target).evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...(row as HTMLTableRowElement).cells];
        return {
          event: cells[0]!.querySelector('.strong')!.textContent,
          id: cells[0]!.querySelector('code')!.textContent!,
          status: cells[1]!.querySelector('.badge')!.textContent,
          attempts: cells[2]!.textContent!,
          answer: cells[3]!.textContent,
        };
      }),
    );
  const newestDelivery = async () => (await deliveriesShown(page))[0];
  const DAY_AND_TIME = String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{2}:\d{2}\s[AP]M UTC`;
  /** Nothing on the page is wider than a phone: long URLs and bodies wrap or scroll in their own box. */
  async function fitsPhone(target: Page) {
    await target.setViewportSize(PHONE);
    expect(await target.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await target.setViewportSize(LAPTOP);
    expect(await target.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
  }

  it('adds a webhook endpoint: the API’s field errors beside their fields, events picked by group, the signing secret shown once', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allTextContents()).resolves.toEqual([
      'API keys',
      'Members',
      'Audit log',
      'Webhooks',
      'Organization',
    ]);
    await page.getByText('No endpoints yet.').waitFor();
    await checkAccessibility(page, 'webhooks-empty');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    const url = dialog.getByLabel('Endpoint URL');
    // Unscoped and strict: the page's own Add endpoint is hidden behind the dialog.
    expect(await page.getByRole('button').allTextContents()).toEqual(['Cancel', 'Add endpoint']);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const urlError = 'Enter the endpoint’s full URL, such as https://example.com/webhooks/keyward.';
    await dialog.getByText(urlError).waitFor();
    await expect(url.getAttribute('aria-invalid')).resolves.toBe('true');
    const urlDescribedBy = (await url.getAttribute('aria-describedby'))!.split(' ');
    await expect(dialog.locator(`[id="${urlDescribedBy.at(-1)}"]`).textContent()).resolves.toBe(urlError);
    await url.fill(receiverUrl);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const events = dialog.getByRole('group', { name: 'Events' });
    await events.getByText('Pick at least one event.').waitFor();
    await expect(dialog.getByText(urlError).count()).resolves.toBe(0);
    // Never the API's own wording, and nothing made.
    expect(await dialog.textContent()).not.toMatch(/must name|absolute http/);
    expect(await webhooksOf()).toEqual([]);

    // A checkbox per event in its group, named in words and described by the API's name.
    const keysGroup = events.getByRole('group', { name: 'API keys' });
    const membersGroup = events.getByRole('group', { name: 'Members' });
    const boxes = (group: Locator) =>
      group.getByRole('checkbox').evaluateAll((all) => all.map((box) => [box.closest('label')!.textContent, document.getElementById(box.getAttribute('aria-describedby')!)!.textContent]));
    expect(await boxes(keysGroup)).toEqual([
      ['Created', 'api_key.created'],
      ['Edited', 'api_key.updated'],
      ['Rotated', 'api_key.rotated'],
      ['Revoked', 'api_key.revoked'],
      ['Reported exposed', 'api_key.leaked'],
      ['About to expire', 'api_key.expiring'],
    ]);
    expect(await boxes(membersGroup)).toEqual([
      ['Added', 'member.added'],
      ['Removed', 'member.removed'],
      ['Role changed', 'member.role_changed'],
    ]);
    const all = events.getByRole('checkbox', { name: 'All events' });
    const checkedCount = () => events.getByRole('checkbox', { checked: true }).count();
    await all.check();
    await expect(checkedCount()).resolves.toBe(10);
    await all.uncheck();
    await expect(checkedCount()).resolves.toBe(0);
    for (const name of ['Created', 'Revoked', 'Reported exposed']) await keysGroup.getByRole('checkbox', { name, exact: true }).check();
    await membersGroup.getByRole('checkbox', { name: 'Added', exact: true }).check();
    // Some picked: All events is mixed.
    await expect(all.evaluate((box) => (box as HTMLInputElement).indeterminate)).resolves.toBe(true);
    await checkAccessibility(page, 'add-endpoint');
    await screenshot(page, 'add-endpoint');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    endpoint.secret = await takeSecret('Your endpoint’s signing secret', 'signing-secret', { label: 'Signing secret', shape: /^whsec_[A-Za-z0-9+/]+=*$/ });
    // Done gives the focus back to Add endpoint, which opened the dialogs.
    expect(await settledFocus(page, 'button:Add endpoint')).toBe('button:Add endpoint');
    const [made] = await webhooksOf();
    expect(made).toEqual({
      id: expect.any(String),
      url: receiverUrl,
      events: ['api_key.created', 'api_key.revoked', 'api_key.leaked', 'member.added'],
      enabled: true,
      disabledReason: null,
    });
    endpoint.id = made.id;
    await page.getByText(`Added the endpoint at ${receiverUrl}.`).waitFor();
    await waitForValue(async () => (await row(page, receiverUrl).getByRole('cell').allTextContents()).slice(0, 3), [
      `${receiverUrl}Deliveries`,
      'API keysCreatedRevokedReported exposedMembersAdded',
      'Enabled',
    ]);
    await expect(row(page, receiverUrl).getByRole('cell').nth(3).textContent()).resolves.toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2}\s[AP]M UTC$/);
    await inspect(page, 'webhooks');
    await fitsPhone(page);
  });

  it('sends a test event from the endpoint’s page and shows it delivered, signed with the secret shown once', async () => {
    await row(page, receiverUrl).getByRole('link', { name: receiverUrl }).click();
    await page.getByRole('heading', { level: 1, name: receiverUrl }).waitFor();
    expect(page.url()).toBe(`${server.url}/console/#/webhooks/${endpoint.id}`);
    await expect(page.getByRole('link', { name: 'Webhooks' }).getAttribute('aria-current')).resolves.toBe('location');
    await page.getByText('No deliveries yet.').waitFor();

    const before = received.length;
    const send = page.getByRole('button', { name: 'Send test event' });
    await send.click();
    await page.getByText('Sent a test event').waitFor();
    expect(await hasFocus(send)).toBe(true);
    // The server's worker delivers within a couple of seconds; the page watches until it has.
    await waitForValue(async () => (await deliveriesShown(page)).map(({ event, status, attempts, answer }) => [event, status, attempts, answer]), [['Test event', 'Delivered', '1 attempt', 'HTTP 200']], 15_000);
    const shown = (await newestDelivery())!;
    expect(shown.id).toMatch(/^msg_/);
    // What arrived: one request with the webhook-id shown, signed with the secret shown once.
    const arrived = received.slice(before);
    expect(arrived.map((r) => r.id)).toEqual([shown.id]);
    expect(new Webhook(endpoint.secret).verify(arrived[0]!.body, arrived[0]!.headers)).toMatchObject({ type: 'webhook.test', data: { id: endpoint.id } });

    // Its attempts open below it: when, the answer, how long it took; and the body sent.
    const disclosure = deliveryRows(page).first().getByRole('button', { name: '1 attempt' });
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('false');
    await disclosure.click();
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('true');
    const attempts = page.locator(`[id="attempts-${shown.id}"]`);
    await expect(attempts.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringMatching(/UTC HTTP 200 in \d+ ms$/)]);
    expect(JSON.parse((await attempts.locator('pre').textContent())!)).toMatchObject({ type: 'webhook.test', data: { id: endpoint.id } });
    await inspect(page, 'webhook-deliveries');
    await fitsPhone(page);
  });

  it('shows a failed attempt with its code, and Resend sends the delivery again with the same webhook-id', async () => {
    receiverStatus = 500;
    await page.getByRole('button', { name: 'Send test event' }).click();
    await waitForValue(async () => {
      const newest = await newestDelivery();
      return [newest?.status, newest?.attempts, newest?.answer];
    }, ['Retrying', '1 attempt', 'HTTP 500'], 15_000);
    const failedId = (await newestDelivery())!.id;
    const failing = deliveryRows(page).first();
    await failing.getByRole('button', { name: '1 attempt' }).click();
    const attempts = page.locator(`[id="attempts-${failedId}"]`);
    await expect(attempts.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringMatching(/UTC HTTP 500 in \d+ ms$/)]);
    await expect(attempts.locator('.answer.failed').count()).resolves.toBe(1);
    await checkAccessibility(page, 'webhook-delivery-failed');
    await screenshot(page, 'webhook-delivery-failed');

    // The receiver is fixed: Resend delivers it now.
    receiverStatus = 200;
    const resend = failing.getByRole('button', { name: 'Resend' });
    await resend.click();
    await waitForValue(async () => [(await newestDelivery())?.status, (await newestDelivery())?.answer], ['Delivered', 'HTTP 200'], 15_000);
    const sentWith = () => received.filter((r) => r.id === failedId).length;
    expect(sentWith()).toBeGreaterThanOrEqual(2);
    const items = await attempts.getByRole('listitem').allTextContents();
    expect([items[0], items.at(-1)]).toEqual([expect.stringMatching(/HTTP 500 in/), expect.stringMatching(/HTTP 200 in/)]);
    // The button stays where it was, with the focus.
    expect(await hasFocus(resend)).toBe(true);

    // A delivered one too (a receiver that lost it): one attempt more, the same webhook-id.
    const attemptsBefore = items.length;
    const sentBefore = sentWith();
    await resend.click();
    await page.getByText('Sending “Test event” again, with the same webhook-id.').waitFor();
    await waitForValue(async () => [(await newestDelivery())?.status, (await newestDelivery())?.attempts], ['Delivered', `${attemptsBefore + 1} attempts`], 15_000);
    expect(sentWith()).toBe(sentBefore + 1);
  });

  it('edits an endpoint’s events, disables and enables it, from its page and from the list', async () => {
    const edit = page.getByRole('button', { name: 'Edit', exact: true });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit endpoint' });
    await expect(dialog.getByLabel('Endpoint URL').inputValue()).resolves.toBe(receiverUrl);
    const checked = () => dialog.getByRole('checkbox', { checked: true }).evaluateAll((all) => all.map((box) => box.closest('label')!.textContent));
    expect(await checked()).toEqual(['Created', 'Revoked', 'Reported exposed', 'Added']);
    await dialog.getByRole('group', { name: 'API keys' }).getByRole('checkbox', { name: 'Rotated' }).check();
    await dialog.getByRole('group', { name: 'Members' }).getByRole('checkbox', { name: 'Added' }).uncheck();
    await checkAccessibility(page, 'edit-endpoint');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Saved the endpoint at ${receiverUrl}.`).waitFor();
    expect(await settledFocus(page, 'button:Edit')).toBe('button:Edit');
    expect((await webhooksOf())[0].events).toEqual(['api_key.created', 'api_key.rotated', 'api_key.revoked', 'api_key.leaked']);
    await waitForValue(() => page.locator('.endpoint-settings .event-groups').textContent(), 'API keysCreatedRotatedRevokedReported exposed');

    // Disabled by hand: said on the page, with the way back; Disable goes, the focus to the heading.
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Deliveries to this endpoint are turned off.').waitFor();
    await expect(page.getByRole('button', { name: 'Disable' }).count()).resolves.toBe(0);
    expect(await settledFocus(page, `h1:${receiverUrl}`)).toBe(`h1:${receiverUrl}`);
    expect((await webhooksOf())[0].enabled).toBe(false);
    await checkAccessibility(page, 'webhook-disabled');
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('button', { name: 'Disable' }).waitFor();
    expect((await webhooksOf())[0].enabled).toBe(true);

    // From the list, in the row's Actions menu; the focus back on the row's button.
    await page.getByRole('link', { name: 'All endpoints' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const actions = row(page, receiverUrl).getByRole('button', { name: 'Actions', exact: true });
    await actions.click();
    await expect(page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem').allTextContents()).resolves.toEqual(['Send test event', 'Edit', 'Disable', 'Delete']);
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    await row(page, receiverUrl).getByText('Disabled', { exact: true }).waitFor();
    expect(await hasFocus(actions)).toBe(true);
    expect((await webhooksOf())[0].enabled).toBe(false);
    await actions.click();
    await page.getByRole('menuitem', { name: 'Enable' }).click();
    await row(page, receiverUrl).getByText('Enabled', { exact: true }).waitFor();
    expect((await webhooksOf())[0].enabled).toBe(true);
  });

  it('says prominently why Keyward stopped an endpoint, with the way to enable it again', async () => {
    // Keyward stops an endpoint whose every delivery failed for a day. A day cannot pass in
    // a test: the API's list of endpoints is given that state on its way to the page.
    const reason = 'Deliveries failed for a day (last: HTTP 503)';
    const stoppedByKeyward = async (route: Route) => {
      if (!/query ConsoleWebhooks\b/.test(String(route.request().postDataJSON()?.query))) return route.fallback();
      const response = await route.fetch();
      const json = await response.json();
      for (const webhook of json.data.webhooks) Object.assign(webhook, { enabled: false, disabledReason: reason });
      return route.fulfill({ response, json });
    };
    await page.route('**/graphql', stoppedByKeyward);
    try {
      await page.reload();
      const said = 'every delivery failed for a day (the last answer: HTTP 503).';
      const callout = page.locator('.callout');
      await waitForValue(() => callout.textContent(), `Deliveries to ${receiverUrl} stopped: ${said}See its deliveriesEnable`);
      await expect(row(page, receiverUrl).getByRole('cell').nth(2).textContent()).resolves.toBe('DisabledStopped by Keyward');
      await inspect(page, 'webhooks-stopped');
      await callout.getByRole('link', { name: 'See its deliveries' }).click();
      await page.getByRole('heading', { level: 1, name: receiverUrl }).waitFor();
      await waitForValue(() => page.locator('.callout').textContent(), `Deliveries to this endpoint stopped: ${said}Enable`);
      await expect(page.getByRole('button', { name: 'Disable' }).count()).resolves.toBe(0);
      await checkAccessibility(page, 'webhook-stopped');
    } finally {
      await page.unroute('**/graphql', stoppedByKeyward);
    }
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('button', { name: 'Disable' }).waitFor();
    await expect(page.locator('.callout').count()).resolves.toBe(0);
  });

  it('deletes an endpoint after confirmation, from the list and from its own page', async () => {
    const spare = receiverUrl.replace('/hooks/keyward', '/spare');
    const other = receiverUrl.replace('/hooks/keyward', '/other');
    for (const url of [spare, other]) {
      const made = await gql('mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }', defaultToken, { i: { url, events: ['member.added'] } });
      expect(made.body.errors).toBeUndefined();
    }
    await page.getByRole('link', { name: 'All endpoints' }).click();
    await row(page, spare).waitFor();
    const actions = row(page, spare).getByRole('button', { name: 'Actions', exact: true });
    const confirm = page.getByRole('dialog', { name: 'Delete this endpoint?' });
    await actions.click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByText(spare).waitFor();
    // Cancel changes nothing, and gives the focus back to the row's Actions.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await hasFocus(actions)).toBe(true);
    await actions.click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    expect(await page.getByRole('button').allTextContents()).toEqual(['Cancel', 'Delete']);
    await checkAccessibility(page, 'delete-endpoint');
    await page.getByRole('button', { name: 'Delete' }).click();
    await row(page, spare).waitFor({ state: 'detached' });
    // Its Actions went with it: the focus is on the table.
    await waitForValue(() => focused(page), 'region:Webhook endpoints');
    await page.getByText(`Deleted the endpoint at ${spare}.`).waitFor();

    // From its own page: back to the list, which says so.
    await row(page, other).getByRole('link', { name: other }).click();
    await page.getByRole('heading', { level: 1, name: other }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText(`Deleted the endpoint at ${other}.`).waitFor();
    expect((await webhooksOf()).map((w: { url: string }) => w.url)).toEqual([receiverUrl]);
    await waitForCount(page.getByRole('table', { name: 'Webhook endpoints' }).locator('tbody tr'), 1);
  });

  it('saves the leak policy on the Organization page, read back through the API', async () => {
    const policyOf = async () => (await gql('{ viewer { organization { leakPolicy } } }', defaultToken)).body.data.viewer.organization.leakPolicy;
    expect(await policyOf()).toBe('REVOKE');
    await page.getByRole('link', { name: 'Organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization' }).waitFor();
    const policy = page.getByRole('radiogroup', { name: 'When a key is found exposed' });
    const revoke = policy.getByRole('radio', { name: 'Revoke it at once' });
    const flag = policy.getByRole('radio', { name: 'Keep it working and flag it' });
    await waitForValue(() => revoke.isChecked(), true);
    await checkAccessibility(page, 'organization-revoke');
    await flag.check();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await page.getByText('Saved. A key found exposed now keeps working, flagged as leaked.').waitFor();
    expect(await hasFocus(save)).toBe(true);
    expect(await policyOf()).toBe('NOTIFY');
    // As saved, after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Organization' }).waitFor();
    await waitForValue(() => flag.isChecked(), true);
    await expect(revoke.isChecked()).resolves.toBe(false);
    await inspect(page, 'organization');
  });

  it('marks leaked keys in the list and on their pages: revoked by whoever found one, still working but flagged when a scanner reports one under NOTIFY', async () => {
    const create = async (name: string) =>
      (await gql('mutation($n: String!) { createApiKey(input: { name: $n, access: READ_ONLY }) { secret apiKey { id } } }', defaultToken, { n: name })).body.data
        .createApiKey as { secret: string; apiKey: { id: string } };
    const pasted = await create('Pasted in a gist');
    const scanned = await create('Found by a scanner');
    const before = received.length;
    // Whoever holds a key may revoke it, without signing in: whatever the organization's policy.
    expect((await gql('mutation($k: [String!]!) { revokeLeakedApiKeys(keys: $k) }', undefined, { k: [pasted.secret] })).body).toEqual({ data: { revokeLeakedApiKeys: true } });
    // GitHub's report follows the policy, NOTIFY: the key keeps working, flagged.
    const report = JSON.stringify([{ token: scanned.secret, type: 'keyward_api_key', url: 'https://github.com/acme/app/blob/main/.env', source: 'content' }]);
    const answer = await fetch(`${server.url}/secret-scanning/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'github-public-key-identifier': 'browser-test',
        'github-public-key-signature': sign('sha256', Buffer.from(report), { key: gitHub.privateKey, dsaEncoding: 'der' }).toString('base64'),
      },
      body: report,
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { label: string }[]).map((r) => r.label)).toEqual(['true_positive']);
    const stateOf = async (id: string) => (await gql('query($id: ID!) { apiKey(id: $id) { status leakedAt } }', defaultToken, { id })).body.data.apiKey;
    expect(await stateOf(pasted.apiKey.id)).toEqual({ status: 'REVOKED', leakedAt: expect.any(String) });
    expect(await stateOf(scanned.apiKey.id)).toEqual({ status: 'ACTIVE', leakedAt: expect.any(String) });

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    // Beside its status, a badge; when it was reported, in the text a screen reader reads with it.
    const status = (await findKey('Pasted in a gist')).locator('td.cell-status');
    await expect(status.textContent()).resolves.toMatch(new RegExp(`^RevokedLeaked\\. Reported exposed on ${DAY_AND_TIME}$`));
    // … and shown on hover and on focus.
    const tip = status.locator('.tip');
    const tipWidth = async () => (await tip.boundingBox())?.width ?? 0;
    expect(await tipWidth()).toBeLessThanOrEqual(1);
    await status.locator('.leaked').focus();
    expect(await tipWidth()).toBeGreaterThan(100);
    await checkAccessibility(page, 'api-keys-leaked');
    await shoot(page, 'api-keys-leaked-laptop.png', false);
    await status.locator('.leaked').blur();
    expect(await tipWidth()).toBeLessThanOrEqual(1);
    await status.locator('.badge-leaked').hover();
    expect(await tipWidth()).toBeGreaterThan(100);
    await page.mouse.move(0, 0);

    // On its page, what became of it.
    await row(page, 'Pasted in a gist').getByRole('link', { name: 'Pasted in a gist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pasted in a gist' }).waitFor();
    await waitForValue(async () => new RegExp(`^Reported exposed on ${DAY_AND_TIME}\\. It was revoked\\.$`).test((await page.locator('.callout').textContent()) ?? ''), true);
    await page.getByRole('link', { name: 'All keys' }).click();
    const flagged = await findKey('Found by a scanner');
    await expect(flagged.locator('td.cell-status').textContent()).resolves.toMatch(/^ActiveLeaked\. Reported exposed on /);
    await flagged.getByRole('link', { name: 'Found by a scanner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Found by a scanner' }).waitFor();
    await waitForValue(
      async () => new RegExp(`^Reported exposed on ${DAY_AND_TIME}\\. It still works: rotate or revoke it\\.$`).test((await page.locator('.callout').textContent()) ?? ''),
      true,
    );
    for (const action of ['Rotate', 'Revoke']) await expect(page.getByRole('button', { name: action, exact: true }).count()).resolves.toBe(1);
    await inspect(page, 'api-key-leaked');

    // The endpoint subscribed to api_key.leaked heard of both.
    const leakedEvents = () =>
      received
        .slice(before)
        .map((r) => JSON.parse(r.body) as { type: string; data: { id: string } })
        .filter((body) => body.type === 'api_key.leaked')
        .map((body) => body.data.id)
        .sort();
    await waitForValue(leakedEvents, [pasted.apiKey.id, scanned.apiKey.id].sort(), 15_000);
  });

  it('gives a VIEWER the webhooks, their deliveries and the organization’s settings to read, with no write control at all', async () => {
    const tab = await context.newPage();
    watch(tab);
    await tab.goto(`${server.url}/console/`);
    await signIn(tab, 'vera@acme.test', 'vera-second-password');
    const noWriteControls = async () => {
      for (const name of ['Add endpoint', 'Actions', 'Send test event', 'Edit', 'Disable', 'Enable', 'Delete', 'Resend', 'Save']) {
        await expect(tab.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
      }
      await expect(tab.getByRole('menuitem').count()).resolves.toBe(0);
      await expect(tab.getByRole('radio').count()).resolves.toBe(0);
    };
    await tab.getByRole('link', { name: 'Webhooks' }).click();
    await row(tab, receiverUrl).waitFor();
    await noWriteControls();
    await inspect(tab, 'viewer-webhooks');

    await row(tab, receiverUrl).getByRole('link', { name: receiverUrl }).click();
    await tab.getByRole('heading', { level: 1, name: receiverUrl }).waitFor();
    await deliveryRows(tab).first().waitFor();
    await noWriteControls();
    // Reading what happened is not a change: the attempts open.
    const disclosure = deliveryRows(tab).first().getByRole('button', { name: /^\d+ attempts?$/ });
    await disclosure.click();
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('true');
    await checkAccessibility(tab, 'viewer-webhook');

    await tab.getByRole('link', { name: 'Organization' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Organization' }).waitFor();
    await tab.getByText('Keep it working and flag it').waitFor();
    await noWriteControls();
    await inspect(tab, 'viewer-organization');
    await tab.close();
  });
});
