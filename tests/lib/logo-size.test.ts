import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { logoSize, svgSize } from '../../src/lib/media/logo-size.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { makeSite, REPO } from '../helpers/content-fixture.ts';

describe('svgSize', () => {
  it('takes width and height in user units or pixels', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="48" viewBox="0 0 720 96"></svg>')).toEqual({ width: 360, height: 48 });
    expect(svgSize("<svg width='200px' height = '50px'><rect/></svg>")).toEqual({ width: 200, height: 50 });
  });

  it("completes a missing width or height from the viewBox's proportions", () => {
    expect(svgSize('<svg width="180" viewBox="0 0 360 48">')).toEqual({ width: 180, height: 24 });
    expect(svgSize('<svg height="24" viewBox="0,0,360,48">')).toEqual({ width: 180, height: 24 });
  });

  it('falls back to the viewBox when the lengths are relative or missing', () => {
    expect(svgSize('<svg width="100%" height="100%" viewBox="0 0 360 48">')).toEqual({ width: 360, height: 48 });
    expect(svgSize('<svg width="10em" viewBox="-10 -10 300 40.4">')).toEqual({ width: 300, height: 40 });
  });

  it('reads the root element after a declaration and comments, and quoted ">" in attributes', () => {
    const svg = '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg data-note="a > b" viewBox="0 0 120 30"><text>x</text></svg>';
    expect(svgSize(svg)).toEqual({ width: 120, height: 30 });
  });

  it('gives nothing when the file has no proportions, or is not an SVG', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>')).toBeUndefined();
    expect(svgSize('<svg width="0" height="48" viewBox="0 0 0 48">')).toBeUndefined();
    expect(svgSize('<svg viewBox="0 0 360">')).toBeUndefined();
    expect(svgSize('<html><body>not a logo</body></html>')).toBeUndefined();
  });

  it('reads the sample logo as it is drawn, 360 by 48', () => {
    expect(svgSize(readFileSync(path.join(REPO, 'public/logo.svg'), 'utf8'))).toEqual({ width: 360, height: 48 });
  });
});

describe('logoSize', () => {
  it('reads an SVG file, and a raster logo through sharp', async () => {
    const dir = makeSite();
    try {
      expect(await logoSize(path.join(dir, 'public/logo.svg'))).toEqual({ width: 240, height: 40 });
      const png = path.join(dir, 'public/logo.png');
      await sharp({ create: { width: 300, height: 60, channels: 3, background: '#14213d' } }).png().toFile(png);
      expect(await logoSize(png)).toEqual({ width: 300, height: 60 });
      writeFileSync(path.join(dir, 'public/broken.png'), 'not a picture');
      expect(await logoSize(path.join(dir, 'public/broken.png'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the validator on the logo', () => {
  it('warns about an SVG logo that gives no size, and says how to give one', () => {
    const dir = makeSite();
    try {
      writeFileSync(path.join(dir, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="240" height="40"/></svg>');
      const report = validateContent(path.join(dir, 'content'), { cwd: dir, publicDir: path.join(dir, 'public') });
      const logo = report.diagnostics.filter((diagnostic) => diagnostic.field === 'logo.src');
      expect(logo).toEqual([expect.objectContaining({ file: 'content/site.yaml', severity: 'warning', line: 7 })]);
      expect(logo[0]!.message).toMatch(/gives no size.*viewBox/);
      expect(report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says nothing of a logo with a size', () => {
    const dir = makeSite();
    try {
      const report = validateContent(path.join(dir, 'content'), { cwd: dir, publicDir: path.join(dir, 'public') });
      expect(report.diagnostics.filter((diagnostic) => diagnostic.field.startsWith('logo'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
