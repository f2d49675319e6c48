/**
 * Markdown fixtures: each folder holds input.md and the exact HTML our pipeline
 * must produce, and photos.json when the body shows photos (`::figure`): their
 * facts by src, as the loader hands them over. To accept a deliberate change,
 * run with UPDATE_FIXTURES=1 and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor, renderBody } from '../../src/markdown/pipeline.ts';
import type { PhotoFacts } from '../../src/lib/media/photos.ts';
import { FRAME_SRC_PATTERN } from '../../src/lib/media/embeds.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const processor = createProcessor({ siteUrl: 'https://meridian-review.example' });

describe('Markdown pipeline fixtures', () => {
  const cases = readdirSync(FIXTURES).sort();
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(7));
  it.each(cases)('%s', (name) => {
    const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
    const photosFile = path.join(FIXTURES, name, 'photos.json');
    const photos = existsSync(photosFile) ? (JSON.parse(readFileSync(photosFile, 'utf8')) as Record<string, PhotoFacts>) : undefined;
    const actual = `${renderBody(processor, input, photos).html}\n`;
    const expectedFile = path.join(FIXTURES, name, 'output.html');
    if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('safety of the rendered HTML', () => {
  const render = (markdown: string) => renderBody(processor, markdown).html;
  it('never lets a script, handler or unsafe URL through', () => {
    const html = readdirSync(FIXTURES)
      .map((name) => render(readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8')))
      .join('\n');
    // The only frames are those of embed directives: an allowlisted address, our sandbox, nothing else.
    const frames = html.match(/<iframe[^>]*>/g) ?? [];
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame).toMatch(/ sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
      expect(frame.match(/ src="([^"]*)"/)?.[1]).toMatch(FRAME_SRC_PATTERN);
    }
    expect(html.replace(/<iframe[^>]*>/g, '')).not.toMatch(/<script|<iframe|<style|\son[a-z]+=|javascript:|data:/i);
  });
  it('keeps text of removed elements out of the prose', () => {
    expect(render('<script>alert(1)</script>\n\nText')).toBe('<p>Text</p>');
  });
});
