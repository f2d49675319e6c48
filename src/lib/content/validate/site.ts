/** Stage two: the publication's own files, site.yaml (with its logo and share card), sections.yaml and the optional series.yaml. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_LAYOUT } from '../content-files.ts';
import { isInside } from '../image-files.ts';
import { svgSize } from '../../media/logo-size.ts';
import { sectionsSchema, seriesListSchema, siteSchema, type Section, type Series, type SiteConfig } from '../schema/index.ts';
import { isReservedTopLevel } from '../../urls.ts';
import type { FileReporter } from './reporter.ts';
import type { ValidationRun } from './run.ts';

/** Dates are read in the publication's time zone; until site.yaml gives a valid one, in UTC. */
const FALLBACK_TIME_ZONE = 'UTC';

export interface SiteFiles {
  site?: SiteConfig;
  timeZone: string;
  /** In navigation order. */
  sections: Section[];
  sectionById: Map<string, Section>;
  seriesById: Map<string, Series>;
  /** Where series.yaml is (or would be), for messages. */
  seriesPath: string;
  /** Whether series.yaml exists. */
  hasSeriesFile: boolean;
  /** False when series.yaml exists but failed its own checks: its parts are checked once it is fixed. */
  seriesKnown: boolean;
}

export function checkSiteFiles(run: ValidationRun, publicFolder: string): SiteFiles {
  const { root } = run;
  const site = run.readYamlFile(path.join(root, CONTENT_LAYOUT.site), siteSchema(), 'the publication settings (name, url, timeZone...)');
  if (site.value && site.reporter) checkPublicFiles(run, site.value, site.reporter, publicFolder);

  const sectionsFile = run.readYamlFile(path.join(root, CONTENT_LAYOUT.sections), sectionsSchema(), 'the list of sections');
  // Navigation order: `order` when given (lower first), otherwise the order of the file.
  const sections = [...(sectionsFile.value ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const sectionById = new Map<string, Section>();
  sections.forEach((section, index) => {
    if (sectionById.has(section.id)) {
      sectionsFile.reporter?.at([index, 'id'], 'error', `section "${section.id}" is listed twice; give each section its own id`);
    }
    if (isReservedTopLevel(section.id)) {
      sectionsFile.reporter?.at([index, 'id'], 'error', `"${section.id}" is a fixed address of the site; choose another section id`);
    }
    if (section.kind === 'short-takes' && !section.label) {
      sectionsFile.reporter?.at([index], 'error', 'a short-takes brand needs its label, e.g. label: "SIGNAL"');
    }
    sectionById.set(section.id, section);
  });

  // series.yaml is optional: a publication without series has none.
  const seriesPath = path.join(root, CONTENT_LAYOUT.series);
  const seriesFile = existsSync(seriesPath) ? run.readYamlFile(seriesPath, seriesListSchema(), 'the list of series') : undefined;
  const seriesById = new Map<string, Series>();
  (seriesFile?.value ?? []).forEach((series, index) => {
    if (seriesById.has(series.id)) seriesFile?.reporter?.at([index, 'id'], 'error', `series "${series.id}" is listed twice; give each series its own id`);
    else seriesById.set(series.id, series);
  });

  return {
    ...(site.value ? { site: site.value } : {}),
    timeZone: site.value?.timeZone ?? FALLBACK_TIME_ZONE,
    sections,
    sectionById,
    seriesById,
    seriesPath,
    hasSeriesFile: seriesFile !== undefined,
    seriesKnown: !seriesFile || seriesFile.value !== undefined,
  };
}

/** The logo and the share card live in the public folder, which the build publishes as it is. */
function checkPublicFiles(run: ValidationRun, site: SiteConfig, reporter: FileReporter, publicFolder: string): void {
  const { shown, images } = run;
  const logoFile = path.join(publicFolder, site.logo.src);
  if (!isInside(publicFolder, logoFile) || !images.get(logoFile).exists) {
    reporter.at(['logo', 'src'], 'error', `file "${shown(logoFile)}" does not exist; put the logo in ${shown(publicFolder)}/`);
  } else if (logoFile.toLowerCase().endsWith('.svg') && !svgSize(readFileSync(logoFile, 'utf8'))) {
    reporter.at(
      ['logo', 'src'],
      'warning',
      `"${shown(logoFile)}" gives no size, so the header cannot keep room for it and the page jumps when it loads; give its <svg> a viewBox (e.g. viewBox="0 0 360 48") or a width and height in pixels`,
    );
  }
  if (site.shareImage) {
    const shareFile = path.join(publicFolder, site.shareImage.src);
    const facts = isInside(publicFolder, shareFile) ? images.get(shareFile) : undefined;
    if (!facts?.exists) {
      reporter.at(['shareImage', 'src'], 'error', `file "${shown(shareFile)}" does not exist; put the share image in ${shown(publicFolder)}/`);
    } else if (facts.kind !== 'png' && facts.kind !== 'jpeg') {
      reporter.at(['shareImage', 'src'], 'error', 'is not a PNG or JPEG file; social networks show only those, so export a 1200×630 PNG');
    }
  }
}
