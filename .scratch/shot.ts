import { chromium } from 'playwright-core';
import { startServer, graphqlOver } from '/work/wt/console/test/server';
(async () => {
  const server = await startServer({ DATABASE_URL: 'memory://', BOOTSTRAP_ORGANIZATION: 'Acme', BOOTSTRAP_ADMIN_EMAIL: 'admin@localhost', BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery' });
  const token = (await graphqlOver(server.url, 'mutation { login(email: "admin@localhost", password: "correct horse battery") { token } }')).body.data.login.token;
  for (const [n, a] of [['Billing sync', 'FULL'], ['Reporting', 'READ_ONLY'], ['A much longer key name for the nightly export job', 'READ_ONLY']]) await graphqlOver(server.url, `mutation { createApiKey(input: { name: "${n}", description: "Used by the ${n} service to call the messaging API", access: ${a} }) { secret } }`, {}, { authorization: `Bearer ${token}` });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
  await page.goto(`${server.url}/console/`);
  await page.evaluate(`sessionStorage.setItem('keyward.session', ${JSON.stringify(token)})`);
  await page.reload();
  await page.waitForTimeout(2000); console.log((await page.textContent('body'))?.slice(0, 400));
  await page.screenshot({ path: '/tmp/keys.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: '/tmp/keys1024.png' });
  await browser.close();
  await server.stop();
})();
