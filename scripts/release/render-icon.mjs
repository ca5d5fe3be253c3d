// `node scripts/release/render-icon.mjs`: renders vscode-extension/media/icon.svg to the 128×128
// PNG the Marketplace and Open VSX show (icon.png, committed), with Debian's Chromium through
// playwright-core, the same browser the e2e suite drives. Run it after changing the SVG.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const media = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'vscode-extension', 'media');
const svg = readFileSync(path.join(media, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('Wrote vscode-extension/media/icon.png (128×128).');
