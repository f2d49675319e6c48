/** Text and attribute values for hand-built XML (sitemaps); feeds go through @astrojs/rss. */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Characters XML 1.0 forbids outright; a stray one would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}
