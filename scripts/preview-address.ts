/**
 * node scripts/preview-address.ts [content-dir]
 *
 * Prints the address a build is read at: site.yaml's `url` with the base path
 * of BROADSHEET_BASE, e.g. https://meridian-review.example/previews/pr-12/.
 * The preview workflow comments it on the pull request.
 */
import { addressUnderBase, buildBase } from '../src/lib/build-target.ts';
import { readSiteUrl } from '../src/lib/content/site-file.ts';
import { contentDir as contentFolder } from '../src/lib/build-settings.ts';

const contentDir = process.argv[2] ?? contentFolder();
try {
  console.log(addressUnderBase(readSiteUrl(contentDir), buildBase()));
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 2;
}
