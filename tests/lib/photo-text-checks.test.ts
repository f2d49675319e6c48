import { describe, expect, it } from 'vitest';
import { checkPhotoText, comparableText } from '../../src/lib/content/photo-text-checks.ts';

const photo = { alt: 'Cranes over a harbour at dawn', credit: 'Ana Ruiz/Meridian Studio' };

describe('checkPhotoText', () => {
  it('warns about a caption that starts with a label the page adds', () => {
    for (const caption of [
      'Top photo credit: Cranes at dawn',
      'top photo credit - Cranes at dawn',
      'Photo credit: Cranes at dawn',
      'Credit: Ana Ruiz',
      'Credits: Ana Ruiz',
    ]) {
      const findings = checkPhotoText({ ...photo, caption });
      expect(findings, caption).toEqual([{ field: 'caption', message: expect.stringContaining('a label the page adds itself') }]);
    }
    expect(checkPhotoText({ ...photo, caption: 'Top photo credit: Cranes at dawn' })[0]!.message).toMatch(
      /^starts with "Top photo credit"/,
    );
  });

  it('warns about a caption that repeats the credit', () => {
    for (const caption of [
      'Cranes at dawn. Ana Ruiz/Meridian Studio',
      'Cranes at dawn (Ana Ruiz / Meridian Studio)',
      'Ana Ruiz/Meridian Studio',
      'Cranes, shot by Ana Ruiz/Meridian Studio, at dawn.',
    ]) {
      expect(checkPhotoText({ ...photo, caption }), caption).toEqual([
        { field: 'caption', message: expect.stringContaining('repeats the credit "Ana Ruiz/Meridian Studio"') },
      ]);
    }
    expect(checkPhotoText({ alt: 'x', credit: 'Reuters', caption: 'Protesters outside the office. Reuters' })).toHaveLength(1);
  });

  it('leaves ordinary captions alone, a one-word credit named inside a sentence included', () => {
    for (const caption of [
      'Cranes over the northern harbour at dawn.',
      'Credit unions queue for the central bank’s new facility.',
      'Reuters journalists at the briefing in Doha.',
      'The creditors met in Paris.',
    ]) {
      expect(checkPhotoText({ ...photo, credit: caption.startsWith('Reuters') ? 'Reuters' : photo.credit, caption }), caption).toEqual([]);
    }
    expect(checkPhotoText(photo)).toEqual([]);
  });

  it('warns about alt text that is the headline, whatever its case and punctuation', () => {
    const headline = "Iran's SCO seat buys less than Tehran hoped";
    for (const alt of [headline, "IRAN'S SCO SEAT BUYS LESS THAN TEHRAN HOPED.", 'Iran’s SCO seat — buys less than Tehran hoped!']) {
      expect(checkPhotoText({ ...photo, alt }, headline), alt).toEqual([
        { field: 'alt', message: expect.stringContaining('is the headline word for word') },
      ]);
    }
    expect(checkPhotoText({ ...photo, alt: 'Delegates at the SCO summit in Astana' }, headline)).toEqual([]);
    expect(checkPhotoText({ ...photo, alt: "Iran's SCO seat" }, headline)).toEqual([]);
  });

  it('ignores fields of the wrong type (the schema reports those)', () => {
    expect(checkPhotoText({ alt: 3, caption: ['Top photo credit'], credit: null }, 7)).toEqual([]);
  });
});

describe('comparableText', () => {
  it('keeps letters and digits only, in lower case', () => {
    expect(comparableText('  Iran’s SCO seat — 2026!  ')).toBe('iran s sco seat 2026');
  });
});
