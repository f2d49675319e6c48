/** The publication's marks: logo, favicon and the share card (vector; the wordmark uses a generic serif font stack). */

const BRAND_INK = '#14213d';
const BRAND_PAPER = '#f6f1e7';
const BRAND_ACCENT = '#b5895a';

/** Geometric "M" monogram with slab serifs, in a 48-unit box. */
const MONOGRAM_M =
  'M10,35V33H12.5V15H10V13H17L24,27L31,13H38V15H35.5V33H38V35H29.5V33H32V19.5L25.2,33H22.8L16,19.5V33H18.5V35Z';

export function logoSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="48" viewBox="0 0 360 48" role="img" aria-labelledby="logo-title">',
    '<title id="logo-title">The Meridian Review</title>',
    `<circle cx="24" cy="24" r="23" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="23" fill="none" stroke="${BRAND_ACCENT}" stroke-width="1.5"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    `<text x="60" y="32" font-family="Georgia, 'Times New Roman', Times, serif" font-size="25" textLength="284" lengthAdjust="spacing" fill="${BRAND_INK}">The Meridian Review</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function faviconSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 48 48">',
    `<rect width="48" height="48" rx="9" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="20" fill="none" stroke="${BRAND_ACCENT}" stroke-width="2"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The card social networks show for pages without a photo of their own. */
export function shareCardSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">',
    `<rect width="1200" height="630" fill="${BRAND_PAPER}"/>`,
    `<rect y="590" width="1200" height="40" fill="${BRAND_INK}"/>`,
    '<g transform="translate(520 110) scale(3.33)">',
    `<circle cx="24" cy="24" r="23" fill="${BRAND_INK}"/>`,
    `<ellipse cx="24" cy="24" rx="9" ry="23" fill="none" stroke="${BRAND_ACCENT}" stroke-width="1.5"/>`,
    `<path d="${MONOGRAM_M}" fill="${BRAND_PAPER}"/>`,
    '</g>',
    `<text x="600" y="400" text-anchor="middle" font-family="Georgia, 'Times New Roman', Times, serif" font-size="76" fill="${BRAND_INK}">The Meridian Review</text>`,
    `<text x="600" y="470" text-anchor="middle" font-family="Georgia, 'Times New Roman', Times, serif" font-size="30" font-style="italic" fill="${BRAND_ACCENT}">Foreign policy, security and the global economy</text>`,
    '</svg>',
    '',
  ].join('\n');
}
