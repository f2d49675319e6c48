/**
 * Names shared by the CMS configuration (src/lib/cms/config.ts), the admin
 * page's script (src/browser/cms-admin.ts) and its headers
 * (src/lib/distribution/http-headers.ts), kept apart so that none of those imports more
 * than these constants.
 */

/** Where the local proxy (`decap-server`, run by `npm run cms`) listens; Decap's default. */
export const LOCAL_PROXY_PORT = 8081;

/**
 * sections.yaml is a list at the top of the file, which Decap cannot edit as
 * such (its forms edit a file's fields). The admin page registers this format:
 * it reads the list as the one field `items` and writes it back as a list.
 */
export const SECTIONS_FORMAT = 'yaml-list';
export const SECTIONS_LIST_FIELD = 'items';

/** Where the admin page loads Decap CMS from: the npm package's files, copied into the site (src/integrations/cms.ts). */
export const CMS_BUNDLE_DIRECTORY = 'admin/cms';
export const CMS_BUNDLE_ENTRY = 'decap-cms.js';
