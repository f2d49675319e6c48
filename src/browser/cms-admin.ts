/**
 * Starts Decap CMS on /admin/: loads the bundle the site serves from the npm
 * package (src/integrations/cms.ts), registers the format of sections.yaml,
 * then initialises it with /admin/config.yml.
 */
import { CMS_BUNDLE_DIRECTORY, CMS_BUNDLE_ENTRY, SECTIONS_FORMAT } from '../lib/cms/formats.ts';
import { sectionsFromFile, sectionsToFile } from '../lib/cms/sections-format.ts';

interface DecapCms {
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string },
  ): void;
  init(): void;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
  }
}

// The bundle initialises itself as it loads unless told otherwise; the format must be known first.
window.CMS_MANUAL_INIT = true;

const bundle = document.createElement('script');
// Under the site's base path, as every address of the build (src/lib/build-target.ts).
bundle.src = `${import.meta.env.BASE_URL}${CMS_BUNDLE_DIRECTORY}/${CMS_BUNDLE_ENTRY}`;
bundle.addEventListener('load', () => {
  const cms = window.CMS;
  if (!cms) throw new Error(`${bundle.src} loaded but defined no CMS`);
  cms.registerCustomFormat(SECTIONS_FORMAT, 'yaml', { fromFile: sectionsFromFile, toFile: sectionsToFile });
  cms.init();
});
document.head.append(bundle);
