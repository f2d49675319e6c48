/**
 * Rules of an article that involve more than one field (dates in order, a top
 * photo for every type but a short take, the type against its section's kind)
 * or that warn rather than refuse (long headlines and deks, repeated tags,
 * photo text). They read the frontmatter as written, so they run even when
 * other fields are wrong; the validator places each finding at its field.
 */
import { parseEditorialDate } from '../../dates.ts';
import type { Severity } from '../diagnostics.ts';
import { checkPhotoText } from '../photo-text-checks.ts';
import type { Section } from './section.ts';

export const DEK_WARN_LENGTH = 200;
export const TITLE_WARN_LENGTH = 110;

export interface FieldFinding {
  path: (string | number)[];
  severity: Severity;
  message: string;
}

export function articleRuleFindings(raw: Record<string, unknown>, timeZone: string, sections: ReadonlyMap<string, Section>): FieldFinding[] {
  const findings: FieldFinding[] = [];
  const at = (path: (string | number)[], severity: Severity, message: string) => findings.push({ path, severity, message });
  const published = typeof raw.published === 'string' ? parseEditorialDate(raw.published, timeZone) : undefined;
  const updated = typeof raw.updated === 'string' ? parseEditorialDate(raw.updated, timeZone) : undefined;
  if (published?.ok && updated?.ok && updated.date < published.date) {
    at(['updated'], 'error', `is before published (${raw.published}); an update cannot come before publication`);
  }
  const withdrawn = raw.withdrawn && typeof raw.withdrawn === 'object' ? (raw.withdrawn as { date?: unknown }) : undefined;
  if (withdrawn) {
    const date = typeof withdrawn.date === 'string' ? parseEditorialDate(withdrawn.date, timeZone) : undefined;
    if (published?.ok && date?.ok && date.date < published.date) {
      at(['withdrawn', 'date'], 'error', `is before published (${raw.published}); a piece is withdrawn after it came out`);
    }
    if (raw.draft === true) {
      at(['withdrawn'], 'warning', 'has no effect on a draft: draft: true takes the address down entirely (no notice); keep one of the two');
    }
  }
  if (published?.ok && Array.isArray(raw.corrections)) {
    raw.corrections.forEach((correction, index) => {
      const date = correction && typeof correction === 'object' ? (correction as { date?: unknown }).date : undefined;
      const parsed = typeof date === 'string' ? parseEditorialDate(date, timeZone) : undefined;
      if (parsed?.ok && parsed.date.getTime() < published.date.getTime() - 86_400_000) {
        at(['corrections', index, 'date'], 'warning', 'is before the publication date; check the year');
      }
    });
  }
  const type = raw.type;
  if (typeof type === 'string' && type !== 'short-take' && raw.hero === undefined) {
    at(['type'], 'error', 'every article except a short take needs a top photo; add hero: { src, alt, caption, credit }');
  }
  const section = typeof raw.section === 'string' ? sections.get(raw.section) : undefined;
  if (section && typeof type === 'string') {
    if (section.kind === 'short-takes' && type !== 'short-take') {
      at(['type'], 'error', `"${section.name}" is a short-takes brand; use type: short-take, or move the piece to a regular section`);
    }
    if (section.kind === 'section' && type === 'short-take') {
      const brands = [...sections.values()].filter((s) => s.kind === 'short-takes').map((s) => s.id);
      at(['section'], 'error', `short takes belong in a short-takes brand (${brands.join(', ') || 'none is defined'}), not in "${section.id}"`);
    }
  }
  if (typeof raw.dek === 'string' && raw.dek.length > DEK_WARN_LENGTH) {
    at(['dek'], 'warning', `is ${raw.dek.length} characters; a dek reads best under ${DEK_WARN_LENGTH}`);
  }
  if (typeof raw.title === 'string' && raw.title.length > TITLE_WARN_LENGTH) {
    at(['title'], 'warning', `is ${raw.title.length} characters; headlines over ${TITLE_WARN_LENGTH} get cut in feeds and search results`);
  }
  if (raw.hero && typeof raw.hero === 'object') {
    for (const finding of checkPhotoText(raw.hero as Record<string, unknown>, raw.title)) at(['hero', finding.field], 'warning', finding.message);
  }
  if (Array.isArray(raw.tags)) {
    const seen = new Set<unknown>();
    raw.tags.forEach((tag, index) => {
      if (seen.has(tag)) at(['tags', index], 'warning', `tag "${String(tag)}" is listed twice`);
      seen.add(tag);
    });
  }
  return findings;
}
