/** The publication itself: `content/site.yaml`. */
import { z } from 'zod';
import { isValidTimeZone } from '../../dates.ts';
import { text, groupError, webUrl, oneOf } from './fields.ts';

export const SOCIAL_NETWORKS = [
  'x',
  'facebook',
  'youtube',
  'bluesky',
  'rss',
  'linkedin',
  'instagram',
  'mastodon',
  'threads',
  'telegram',
] as const;

/** A file in public/, written from the site root. */
function publicFile(what: string, example: string) {
  return z
    .string({ error: `missing; give ${what} file in public/, e.g. "${example}"` })
    .regex(/^\/[A-Za-z0-9._/-]+$/, { error: `must be a file in public/, written from the site root, e.g. "${example}"` })
    .refine((value) => !value.includes('..'), { error: 'must not contain ".."' });
}

/** `content/site.yaml`: the publication itself. */
export function siteSchema() {
  return z.strictObject({
    /** Publication name, shown in the header and feeds. */
    name: text('write the publication name', { max: 80 }),
    /** Short description for the home page and feeds. */
    description: text('describe the publication in one sentence', { max: 300 }),
    /** Base address of the published site. */
    url: webUrl('give the published address, e.g. "https://www.example.org"'),
    /** BCP 47 language tag. */
    language: z
      .string({ error: 'missing; give the language, e.g. "en" or "en-US"' })
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag, e.g. "en" or "en-US"' }),
    /** IANA time zone; bare dates in articles are read here. */
    timeZone: z
      .string({ error: 'missing; give an IANA time zone, e.g. "America/New_York"' })
      .refine(isValidTimeZone, { error: 'is not a known time zone; use an IANA name, e.g. "America/New_York" or "Europe/London"' }),
    /** Logo in public/, shown in the header. */
    logo: z.strictObject(
      {
        src: publicFile('the logo', '/logo.svg'),
        alt: text('write the text a screen reader reads for the logo, usually the publication name'),
      },
      { error: groupError('src, alt') },
    ),
    /**
     * Picture shown when a page without a photo is shared (home, sections,
     * authors): a PNG or JPEG in public/, ideally 1200×630.
     */
    shareImage: z
      .strictObject(
        {
          src: publicFile('the share image', '/share-card.png'),
          alt: text('describe the share image for readers who cannot see it'),
        },
        { error: groupError('src, alt') },
      )
      .optional(),
    /** How republished pieces declare their canonical address (see README, "Republished pieces"). */
    republishing: z
      .strictObject(
        {
          /**
           * `self`: this site's page is canonical and carries the credit line; a piece
           * whose rights holder asks for it sets `canonical:` in its frontmatter.
           * `original`: every republished piece with a `republished.url` is canonical
           * to the original (for publications whose agreements always ask for it).
           */
          canonical: z.enum(['self', 'original'], { error: 'must be "self" or "original"' }).default('self'),
        },
        { error: groupError('canonical') },
      )
      .default({ canonical: 'self' }),
    /** "Follow us on social" links, in display order. */
    social: z
      .array(
        z.strictObject({
          network: oneOf(SOCIAL_NETWORKS, 'social network'),
          url: webUrl('give the full address of the profile'),
          label: text('write the link text', { max: 40 }).optional(),
        }),
        { error: 'must be a list of { network, url }' },
      )
      .default([]),
    /** Newsletter box on every page; the form posts to the mailing-list provider. */
    newsletter: z.strictObject(
      {
        action: webUrl("give the mailing-list provider's form address"),
        pitch: text('write the one-line pitch under "Newsletter"', { max: 300 }),
        heading: text('write the box heading').default('Newsletter'),
        button: text('write the button label').default('Subscribe'),
        emailField: text('give the form field name the provider expects').default('email'),
        method: z.enum(['post', 'get'], { error: 'must be "post" or "get"' }).default('post'),
      },
      { error: groupError('action, pitch') },
    ),
    /**
     * The editors' CMS at /admin/ (README, "Editing in the browser"): the GitHub
     * repository it commits to and the branch the site is published from.
     * Without it, /admin/ edits only a checkout on the editor's own machine
     * (`npm run cms`).
     */
    cms: z
      .strictObject(
        {
          /** The repository, "owner/name". */
          repo: z
            .string({ error: 'missing; give the GitHub repository as "owner/name", e.g. "meridian-review/site"' })
            .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be a GitHub repository written "owner/name", e.g. "meridian-review/site"' }),
          /** The branch that is published; the CMS opens its pull requests against it. */
          branch: z
            .string({ error: 'must be a branch name, e.g. "main"' })
            .regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, { error: 'must be a branch name, e.g. "main"' })
            .default('main'),
          /**
           * The OAuth server that signs editors in with GitHub (its base address);
           * without it, Netlify's, which serves sites hosted on Netlify.
           */
          authUrl: webUrl('give the address of the OAuth server, e.g. "https://cms-auth.example.workers.dev"').optional(),
        },
        { error: groupError('repo, branch, authUrl') },
      )
      .optional(),
    /** Copyright holder named in the footer. */
    copyright: text('name the copyright holder', { max: 120 }),
    /**
     * Strict-Transport-Security, sent with every response where the host reads
     * `_headers` (README, "Publishing"): browsers reach the site's host over
     * HTTPS only, for two years. `includeSubDomains` extends that to every
     * subdomain of the host, breaking any still served over plain HTTP;
     * `preload` also consents to browsers shipping the rule built in, which
     * anyone may request at hstspreload.org and takes months to undo, and
     * needs `includeSubDomains`. Both off unless set.
     */
    hsts: z
      .strictObject(
        {
          includeSubDomains: z.boolean({ error: 'must be true or false' }).default(false),
          preload: z.boolean({ error: 'must be true or false' }).default(false),
        },
        { error: groupError('includeSubDomains, preload') },
      )
      .superRefine((hsts, ctx) => {
        if (hsts.preload && !hsts.includeSubDomains) {
          ctx.addIssue({ code: 'custom', path: ['preload'], message: 'needs includeSubDomains: true; browsers preload a whole domain or nothing' });
        }
      })
      .default({ includeSubDomains: false, preload: false }),
  });
}

export type SiteConfig = z.output<ReturnType<typeof siteSchema>>;
