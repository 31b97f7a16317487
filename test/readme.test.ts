import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from './server';

/**
 * The README's curl walkthrough, run as written against a server started as `npm start`
 * starts it (PGlite in a fresh data folder, the generated password printed once): only the
 * password placeholder and the port are filled in. If the README's commands rot, this fails.
 */

const README = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

/** The README's first `sh` block that signs in with curl. */
function walkthrough(): string {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => b.includes('PASSWORD=') && b.includes('verifyApiKey'));
  if (!block) throw new Error('the README has no curl walkthrough');
  return block;
}

let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-readme-'));
  server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("runs the README's curl walkthrough as written, and each step answers what the README says", () => {
  const password = /Its password, shown this once: (\S+)/.exec(server.output())?.[1];
  expect(password).toBeDefined();
  const port = new URL(server.url).port;
  const script = walkthrough().replace('<the printed password>', password!).replaceAll('http://localhost:4000', `http://127.0.0.1:${port}`);
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [key, viewer, verdict] = run.stdout.trim().split('\n') as [string, string, string];
  expect(key).toMatch(/^kw_[0-9A-Za-z]{16}_[0-9A-Za-z]{49}$/);
  expect(JSON.parse(viewer)).toEqual({
    data: { viewer: { kind: 'API_KEY', scopes: expect.arrayContaining(['api_keys:read', 'audit_log:read']), apiKey: { name: 'My first key' } } },
  });
  expect(JSON.parse(verdict)).toEqual({ data: { verifyApiKey: { valid: true, code: 'VALID' } } });
  // The README shows each answer exactly as it comes.
  for (const answer of [viewer, verdict]) expect(README).toContain(`# ${answer}\n`);
});
