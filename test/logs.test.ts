import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { startTestApp } from './harness';
import { AddMember, ChangePassword, CreateApiKey, Login, RotateApiKey, VerifyApiKey, Viewer } from './operations';

/** No secret, password or token ever reaches the log, at its most talkative level. */

describe('the log at LOG_LEVEL=trace', () => {
  it('holds none of the passwords, keys and tokens of every operation', async () => {
    const t = await startTestApp({ LOG_LEVEL: 'trace' });
    try {
      const secrets: string[] = [];
      const owner = await t.signUpOrganization('Logged');
      secrets.push(owner.password, owner.token);

      const { login } = await t.ok(Login, { email: owner.email, password: owner.password });
      secrets.push(login.token);
      const wrongPassword = 'not the password at all';
      secrets.push(wrongPassword);
      await t.execute(Login, { email: owner.email, password: wrongPassword });
      await t.execute(Login, { email: 'nobody@logged.test', password: wrongPassword });

      const memberPassword = 'member password 12345';
      secrets.push(memberPassword);
      await t.ok(AddMember, { input: { email: 'm@logged.test', name: 'M', role: 'ADMIN', password: memberPassword } }, owner);
      const newPassword = 'a brand new password';
      secrets.push(newPassword);
      await t.execute(ChangePassword, { currentPassword: wrongPassword, newPassword }, { token: login.token });
      await t.ok(ChangePassword, { currentPassword: owner.password, newPassword }, { token: login.token });

      const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'logged', access: 'FULL' } }, { token: login.token });
      const { rotateApiKey } = await t.ok(RotateApiKey, { id: createApiKey.apiKey.id, gracePeriodSeconds: 60 }, { token: login.token });
      secrets.push(createApiKey.secret, rotateApiKey.secret);
      // The secret part alone, too: `kw_<id>_<secret><checksum>`.
      secrets.push(...[createApiKey.secret, rotateApiKey.secret].map((key) => key.split('_')[2]!));

      expect((await t.ok(VerifyApiKey, { key: rotateApiKey.secret })).verifyApiKey.code).toBe('VALID');
      await t.ok(VerifyApiKey, { key: createApiKey.secret });
      const forged = `${rotateApiKey.secret.slice(0, -8)}AAAAAAAA`;
      secrets.push(forged);
      await t.ok(VerifyApiKey, { key: forged });

      expect((await t.ok(Viewer, {}, { token: rotateApiKey.secret })).viewer?.kind).toBe('API_KEY');
      await t.execute(Viewer, {}, { headers: { 'x-api-key': rotateApiKey.secret } });
      await t.execute(Viewer, {}, { headers: { authorization: `ApiKey ${forged}` } });
      await t.execute(Viewer, {}, { headers: { cookie: `session=${login.token}` }, token: login.token });
      // Wrong shapes: a password where the schema wants something else.
      await t.execute(Login, { email: owner.email, password: [newPassword] as never });

      const log = t.logs.join('');
      expect(t.logs.length).toBeGreaterThan(50);
      for (const secret of secrets) expect(log).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});

describe('redaction', () => {
  it('censors credential fields at any depth, whatever logs them', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger('info', sink).info({
      req: { headers: { authorization: 'Bearer s1', 'x-api-key': 's2', cookie: 's3' } },
      params: { variables: { input: { password: 's4' } } },
      nested: { deeper: { token: 's5', secret: 's6', newPassword: 's7' } },
      password: 's8',
    });
    const entry = JSON.parse(lines[0]!);
    expect(entry.req.headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]' });
    expect(entry.params.variables).toBe('[redacted]');
    expect(entry.nested.deeper).toEqual({ token: '[redacted]', secret: '[redacted]', newPassword: '[redacted]' });
    expect(entry.password).toBe('[redacted]');
  });
});
