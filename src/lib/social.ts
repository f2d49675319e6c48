/** Display names of the social networks site.yaml may list. */
import type { SOCIAL_NETWORKS } from './schema.ts';

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
