import { chromium } from 'playwright-core';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.setContent(`<table><tr><td><select aria-label="Role"><option>A</option></select><button>Revoke</button></td></tr></table>
  <dialog id=d aria-label="x"><label for=r>Role</label><select id=r><option>B</option></select><button>Revoke</button></dialog>`);
  await page.evaluate('document.getElementById("d").showModal()');
  console.log('label Role', await page.getByLabel('Role').count(), 'button Revoke', await page.getByRole('button', { name: 'Revoke' }).count(), 'combobox', await page.getByRole('combobox', { name: 'Role' }).count());
  await browser.close();
})();
