/**
 * Warnings about the words around a photo, learnt from real pages: editors
 * type the label the template adds ("Top photo credit: ..."), paste the credit
 * into the caption, or give the headline as alt text. None stops a build; each
 * says what readers would get and what to write instead.
 */

export interface PhotoTextFinding {
  field: 'caption' | 'alt';
  message: string;
}

/** Labels the page prints before a caption or a credit (src/lib/media/credits.ts). */
const TYPED_LABEL = /^\s*(top\s+photo\s+credits?|photo\s+credits?|credits?\s*(?=[:：]))\s*[:：.,\-–—]?/i;

/** Lower case, letters and digits only, single spaces: "Iran's SCO seat!" and "iran s sco seat" compare equal. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function checkPhotoText(photo: { alt?: unknown; caption?: unknown; credit?: unknown }, headline?: unknown): PhotoTextFinding[] {
  const findings: PhotoTextFinding[] = [];
  const caption = typeof photo.caption === 'string' ? photo.caption : '';
  const credit = typeof photo.credit === 'string' ? photo.credit.trim() : '';
  const label = TYPED_LABEL.exec(caption);
  if (label) {
    findings.push({
      field: 'caption',
      message: `starts with "${label[1]!.trim()}", a label the page adds itself, so readers would see it twice; write only what the photo shows and put the photographer in credit`,
    });
  } else if (credit && repeatsCredit(caption, credit)) {
    findings.push({
      field: 'caption',
      message: `repeats the credit "${credit}", which the page prints after the caption, so readers would see it twice; keep it in credit only`,
    });
  }
  if (
    typeof photo.alt === 'string' &&
    typeof headline === 'string' &&
    comparableText(photo.alt) !== '' &&
    comparableText(photo.alt) === comparableText(headline)
  ) {
    findings.push({
      field: 'alt',
      message:
        'is the headline word for word, which screen readers have just read; describe what the photo shows, e.g. "Container ships queue outside a harbour at dusk"',
    });
  }
  return findings;
}

/**
 * The caption ends with the credit ("Cranes at dawn. Ana Ruiz/Meridian Studio"), or holds a credit
 * in the photographer/agency form anywhere. A one-word credit ("Reuters") inside a sentence is left alone:
 * it may be what the photo shows.
 */
function repeatsCredit(caption: string, credit: string): boolean {
  const text = comparableText(caption);
  const name = comparableText(credit);
  if (name === '' || text === '') return false;
  if (text === name || text.endsWith(` ${name}`)) return true;
  return credit.includes('/') && ` ${text} `.includes(` ${name} `);
}
