/**
 * Draws the sample illustrations for "The Meridian Review" demo publication.
 *
 * Every picture is composed in code as an SVG string (flat, stylised shapes,
 * gradients and silhouettes) and rasterised with sharp. All randomness comes
 * from a PRNG seeded with the image name (scripts/lib/prng.ts), so every run
 * is byte-identical.
 *
 *   npm run sample-images                     every picture
 *   npm run sample-images -- gulf-water-1     only the pictures named
 *
 * Writes:
 *   content/images/<name>.jpg            25 top photos, 1600x900 (heroes/, one module per section)
 *   content/images/sahel-blocs-map.jpg   a schematic map shown in an article's body, 1600x900 (maps.ts)
 *   content/images/authors/<id>.jpg      10 portraits, 400x400 (portraits.ts)
 *   public/logo.svg, public/favicon.svg
 *   public/share-card.png                1200x630, shown when a page without a photo is shared (brand.ts)
 */
import sharp from 'sharp';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../lib/prng.ts';
import { faviconSvg, logoSvg, shareCardSvg } from './brand.ts';
import { AFRICA_HEROES } from './heroes/africa.ts';
import { AMERICAS_HEROES } from './heroes/americas.ts';
import { ASIA_PACIFIC_HEROES } from './heroes/asia-pacific.ts';
import { ECONOMY_HEROES } from './heroes/economy.ts';
import { EUROPE_HEROES } from './heroes/europe.ts';
import { GLOBAL_MILITARY_HEROES } from './heroes/global-military.ts';
import { MIDDLE_EAST_HEROES } from './heroes/middle-east.ts';
import { SIGNAL_HEROES } from './heroes/signal.ts';
import { BODY_FIGURES } from './maps.ts';
import { drawPortrait, PORTRAIT_SIZE, PORTRAITS } from './portraits.ts';
import { type DrawPicture, H, Scene, W } from './scene.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HERO_DIR = join(ROOT, 'content', 'images');
const AUTHOR_DIR = join(HERO_DIR, 'authors');
const PUBLIC_DIR = join(ROOT, 'public');

const JPEG_OPTIONS = { quality: 72, mozjpeg: true } as const;

const HERO_IMAGES: Record<string, DrawPicture> = {
  ...MIDDLE_EAST_HEROES,
  ...ASIA_PACIFIC_HEROES,
  ...EUROPE_HEROES,
  ...AMERICAS_HEROES,
  ...AFRICA_HEROES,
  ...GLOBAL_MILITARY_HEROES,
  ...ECONOMY_HEROES,
  ...SIGNAL_HEROES,
};

async function rasterise(svg: string, file: string): Promise<number> {
  const jpeg = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg(JPEG_OPTIONS).toBuffer();
  await writeFile(file, jpeg);
  return jpeg.length;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
  await mkdir(AUTHOR_DIR, { recursive: true });
  await mkdir(PUBLIC_DIR, { recursive: true });

  for (const [name, draw] of [...Object.entries(HERO_IMAGES), ...Object.entries(BODY_FIGURES)]) {
    if (!wanted(name)) continue;
    const scene = new Scene(W, H);
    draw(scene, createRng(name));
    const bytes = await rasterise(scene.toSvg(), join(HERO_DIR, `${name}.jpg`));
    console.log(`content/images/${name}.jpg  ${(bytes / 1024).toFixed(1)} KB`);
  }
  for (const person of PORTRAITS) {
    if (!wanted(person.id)) continue;
    const scene = new Scene(PORTRAIT_SIZE, PORTRAIT_SIZE);
    drawPortrait(scene, person);
    const bytes = await rasterise(scene.toSvg(), join(AUTHOR_DIR, `${person.id}.jpg`));
    console.log(`content/images/authors/${person.id}.jpg  ${(bytes / 1024).toFixed(1)} KB`);
  }
  if (only.length === 0) {
    await writeFile(join(PUBLIC_DIR, 'logo.svg'), logoSvg());
    await writeFile(join(PUBLIC_DIR, 'favicon.svg'), faviconSvg());
    const card = await sharp(Buffer.from(shareCardSvg())).png({ compressionLevel: 9, palette: true }).toBuffer();
    await writeFile(join(PUBLIC_DIR, 'share-card.png'), card);
    console.log(`public/logo.svg, public/favicon.svg, public/share-card.png  ${(card.length / 1024).toFixed(1)} KB`);
  }
}

await main();
