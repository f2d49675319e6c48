/**
 * npm run screenshots [-- /path/ ...]
 *
 * Screenshots of the built site (dist/) at 390 px and 1280 px wide, full page,
 * into screenshots/ (git-ignored), for looking at the design as a reader would.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serveDirectory } from './lib/static-server.ts';
import { launchBrowser } from './lib/browser.ts';

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/gulf-desalination-security-clauses/', '/middle-east/', '/signal/', '/latest/'];
const widths = [390, 1280];
const outDir = path.resolve('screenshots');
mkdirSync(outDir, { recursive: true });

const server = await serveDirectory('dist');
const browser = await launchBrowser();
try {
  for (const width of widths) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      for (const pathname of pages) {
        await page.goto(server.url + pathname, { waitUntil: 'networkidle' });
        // Scroll through once so lazy photos load before the full-page shot.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 30));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle');
        const name = `${pathname.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage: true });
        console.log(`screenshots/${name}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
