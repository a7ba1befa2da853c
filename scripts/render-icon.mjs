// Renders the extension icon (client/images/icon.svg) to the 128x128 PNG the VS Code
// Marketplace wants, with Debian's Chromium through playwright-core: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../client/images/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL('../client/images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
