/** Display names of the social networks site.yaml may list. */
import type { SOCIAL_NETWORKS } from '../content/schema/index.ts';

export const SOCIAL_NETWORK_NAMES: Record<(typeof SOCIAL_NETWORKS)[number], string> = {
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
  bluesky: 'Bluesky',
  rss: 'RSS',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  mastodon: 'Mastodon',
  threads: 'Threads',
  telegram: 'Telegram',
};

/** "@meridianreview" from the site's X/Twitter profile address, for twitter:site. */
export function xHandle(social: readonly { network: string; url: string }[]): string | undefined {
  const profile = social.find((link) => link.network === 'x');
  if (!profile) return undefined;
  const name = new URL(profile.url).pathname.split('/').filter(Boolean)[0];
  return name && /^@?[A-Za-z0-9_]{1,15}$/.test(name) ? `@${name.replace(/^@/, '')}` : undefined;
}
