import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer } from '/work/wt/console/test/server';
(async () => {
  const server = await startServer({ DATABASE_URL: 'memory://' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/graphql`);
  await page.getByRole('button', { name: /Execute query/ }).waitFor();
  const r = await new AxeBuilder({ page }).analyze();
  for (const v of r.violations) console.log(v.impact, v.id, v.nodes.length, v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  await browser.close();
  await server.stop();
})();
