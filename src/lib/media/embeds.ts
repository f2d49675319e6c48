/**
 * Embeds an editor may put in a body (`::embed[...]{url="..."}`, see README
 * "Embeds"): which providers, which of their addresses we accept, and the one
 * address of each that a page may frame. Everything here is pure: the
 * validator, the Markdown plugin (src/markdown/remark-embed-directive.ts) and
 * the header policy (src/lib/distribution/http-headers.ts) all read it.
 *
 * An address is accepted only when it parses, uses https on the default port,
 * carries no user name, names one of the hosts listed here exactly, and has
 * the path shape of that provider with an id of the provider's alphabet and
 * length. The frame address is then rebuilt from the id alone, so nothing of
 * what the editor pasted (query, fragment, encoding tricks) reaches the page.
 */

/** The directive's name, `::embed[...]{...}`; the only directive this module reads. */
export const EMBED_DIRECTIVE = 'embed';

export type EmbedKind = 'video' | 'chart' | 'podcast' | 'post';

export interface EmbedProvider {
  id: 'youtube' | 'vimeo' | 'datawrapper' | 'flourish' | 'spotify' | 'x' | 'bluesky' | 'mastodon';
  /** As readers see it: "Watch on YouTube". */
  name: string;
  kind: EmbedKind;
  /** The only origin a page embedding this provider may frame; none for social posts (a static card). */
  frameOrigin?: string;
  /** Hosts an editor may paste, exactly (the URL parser has already lower-cased them). */
  hosts: readonly string[];
  /** One address editors can copy, for the validator's hint and the README. */
  example: string;
}

export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  {
    id: 'youtube',
    name: 'YouTube',
    kind: 'video',
    // The privacy-enhanced player: no cookies until the reader plays the video.
    frameOrigin: 'https://www.youtube-nocookie.com',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'youtube-nocookie.com', 'www.youtube-nocookie.com'],
    example: 'https://www.youtube.com/watch?v=VIDEO_ID',
  },
  {
    id: 'vimeo',
    name: 'Vimeo',
    kind: 'video',
    frameOrigin: 'https://player.vimeo.com',
    hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
    example: 'https://vimeo.com/123456789',
  },
  {
    id: 'datawrapper',
    name: 'Datawrapper',
    kind: 'chart',
    frameOrigin: 'https://datawrapper.dwcdn.net',
    hosts: ['datawrapper.dwcdn.net', 'www.datawrapper.de', 'datawrapper.de'],
    example: 'https://datawrapper.dwcdn.net/AbC12/1/',
  },
  {
    id: 'flourish',
    name: 'Flourish',
    kind: 'chart',
    frameOrigin: 'https://flo.uri.sh',
    hosts: ['flo.uri.sh', 'public.flourish.studio'],
    example: 'https://public.flourish.studio/visualisation/1234567/',
  },
  {
    id: 'spotify',
    name: 'Spotify',
    kind: 'podcast',
    frameOrigin: 'https://open.spotify.com',
    hosts: ['open.spotify.com'],
    example: 'https://open.spotify.com/episode/EPISODE_ID',
  },
  {
    id: 'x',
    name: 'X',
    kind: 'post',
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
    example: 'https://x.com/handle/status/1234567890123456789',
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    kind: 'post',
    hosts: ['bsky.app'],
    example: 'https://bsky.app/profile/handle.bsky.social/post/3kxyzabcde22a',
  },
  {
    id: 'mastodon',
    name: 'Mastodon',
    kind: 'post',
    // Mastodon is federated: any server, recognised by the path of a post (a card and a link, never a frame).
    hosts: [],
    example: 'https://mastodon.social/@handle/112233445566778899',
  },
];

/** Frame shapes an editor may choose with `ratio`; each is a CSS class, since the CSP allows no inline style. */
export const EMBED_RATIOS = ['16:9', '4:3', '3:2', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;
export type EmbedRatio = (typeof EMBED_RATIOS)[number];

interface FrameEmbed {
  provider: EmbedProvider;
  kind: 'video' | 'chart' | 'podcast';
  /** What the iframe loads: rebuilt from the id, on the provider's frame origin. */
  frameSrc: string;
  frameOrigin: string;
  /** The original, for the link under the frame (readers without frames, print). */
  link: string;
  /** The shape when the editor gives none; podcasts are a player bar of fixed height instead. */
  defaultRatio?: EmbedRatio;
}

interface PostEmbed {
  provider: EmbedProvider;
  kind: 'post';
  link: string;
}

export type EmbedTarget = FrameEmbed | PostEmbed;

export type EmbedUrlResult = { ok: true; target: EmbedTarget } | { ok: false; message: string };

const MAX_URL_LENGTH = 500;

function provider(id: EmbedProvider['id']): EmbedProvider {
  return EMBED_PROVIDERS.find((candidate) => candidate.id === id)!;
}

/** The hint every refusal ends with. */
export function allowedProvidersHint(): string {
  return `embeds come from ${EMBED_PROVIDERS.map((p) => p.name).join(', ')}; e.g. url="${provider('youtube').example}"`;
}

const fail = (message: string): EmbedUrlResult => ({ ok: false, message });

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** `t=90`, `t=90s`, `t=1m30s`, `t=1h2m3s` to seconds; anything else is no start time. */
function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5})s?)?$/.exec(value);
  if (!match || value === '') return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 && seconds < 86_400 ? seconds : undefined;
}

function youtube(url: URL): EmbedUrlResult {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let shorts = false;
  if (url.hostname === 'youtu.be') id = segments.length === 1 ? segments[0] : undefined;
  else if (segments.length === 1 && segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (segments.length === 2 && (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live')) {
    id = segments[1];
    shorts = segments[0] === 'shorts';
  }
  if (id === undefined) return fail('is not the address of a YouTube video; copy it from the video page (youtube.com/watch?v=..., youtu.be/..., youtube.com/shorts/...)');
  if (!YOUTUBE_ID.test(id)) return fail(`has "${id.slice(0, 20)}" where a YouTube video id (11 letters, digits, - or _) should be; copy the address again`);
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return {
    ok: true,
    target: {
      provider: provider('youtube'),
      kind: 'video',
      frameOrigin: provider('youtube').frameOrigin!,
      frameSrc: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
      link: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
      defaultRatio: shorts ? '9:16' : '16:9',
    },
  };
}

function vimeo(url: URL): EmbedUrlResult {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash: string | undefined;
  if (url.hostname === 'player.vimeo.com') {
    if (segments.length === 2 && segments[0] === 'video') {
      id = segments[1];
      hash = url.searchParams.get('h') ?? undefined;
    }
  } else if (segments.length === 1 || segments.length === 2) {
    [id, hash] = segments;
  }
  if (id === undefined || !/^\d{1,12}$/.test(id)) return fail('is not the address of a Vimeo video; copy it from the video page, e.g. https://vimeo.com/123456789');
  if (hash !== undefined && !/^[0-9a-f]{6,20}$/.test(hash)) return fail('has a private-link code that is not one; copy the video\'s address again');
  return {
    ok: true,
    target: {
      provider: provider('vimeo'),
      kind: 'video',
      frameOrigin: provider('vimeo').frameOrigin!,
      // dnt=1: Vimeo's player sets no tracking cookies and collects no session data.
      frameSrc: `https://player.vimeo.com/video/${id}?${hash ? `h=${hash}&` : ''}dnt=1`,
      link: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
      defaultRatio: '16:9',
    },
  };
}

function datawrapper(url: URL): EmbedUrlResult {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let version: string | undefined;
  if (url.hostname === 'datawrapper.dwcdn.net') [id, version] = segments.length <= 2 ? segments : [];
  else if (segments.length === 2 && segments[0] === '_') id = segments[1];
  if (id === undefined || !/^[A-Za-z0-9]{5}$/.test(id)) {
    return fail('is not the address of a published Datawrapper chart; use its "URL" from Publish & Embed, e.g. https://datawrapper.dwcdn.net/AbC12/1/');
  }
  if (version !== undefined && !/^\d{1,4}$/.test(version)) return fail(`has "${version.slice(0, 20)}" where the chart's version number should be; copy the address again`);
  const address = `https://datawrapper.dwcdn.net/${id}/${version ? `${version}/` : ''}`;
  return {
    ok: true,
    target: { provider: provider('datawrapper'), kind: 'chart', frameOrigin: provider('datawrapper').frameOrigin!, frameSrc: address, link: address, defaultRatio: '4:3' },
  };
}

function flourish(url: URL): EmbedUrlResult {
  const segments = url.pathname.split('/').filter(Boolean);
  const [type, id, rest] = segments;
  const shapeOk = (type === 'visualisation' || type === 'story') && (segments.length === 2 || (url.hostname === 'flo.uri.sh' && segments.length === 3 && rest === 'embed'));
  if (!shapeOk || id === undefined) {
    return fail('is not the address of a published Flourish visualisation or story; use its public link, e.g. https://public.flourish.studio/visualisation/1234567/');
  }
  if (!/^\d{1,10}$/.test(id)) return fail(`has "${id.slice(0, 20)}" where the Flourish number should be; copy the address again`);
  return {
    ok: true,
    target: {
      provider: provider('flourish'),
      kind: 'chart',
      frameOrigin: provider('flourish').frameOrigin!,
      frameSrc: `https://flo.uri.sh/${type}/${id}/embed`,
      link: `https://public.flourish.studio/${type}/${id}/`,
      defaultRatio: '4:3',
    },
  };
}

function spotify(url: URL): EmbedUrlResult {
  const segments = url.pathname.split('/').filter(Boolean);
  const [type, id] = segments[0] === 'embed' ? segments.slice(1) : segments;
  const count = segments[0] === 'embed' ? segments.length - 1 : segments.length;
  if (count !== 2 || (type !== 'episode' && type !== 'show') || id === undefined) {
    return fail('is not the address of a Spotify podcast episode or show; use "Share > Copy link", e.g. https://open.spotify.com/episode/...');
  }
  if (!/^[A-Za-z0-9]{22}$/.test(id)) return fail(`has "${id.slice(0, 30)}" where a Spotify id (22 letters and digits) should be; copy the link again`);
  return {
    ok: true,
    target: {
      provider: provider('spotify'),
      kind: 'podcast',
      frameOrigin: provider('spotify').frameOrigin!,
      frameSrc: `https://open.spotify.com/embed/${type}/${id}`,
      link: `https://open.spotify.com/${type}/${id}`,
    },
  };
}

function xPost(url: URL): EmbedUrlResult {
  const match = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})\/?$/.exec(url.pathname);
  if (!match) return fail('is not the address of a post on X; copy it from the post, e.g. https://x.com/handle/status/1234567890123456789');
  return { ok: true, target: { provider: provider('x'), kind: 'post', link: `https://x.com/${match[1]}/status/${match[2]}` } };
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

function blueskyPost(url: URL): EmbedUrlResult {
  const match = /^\/profile\/([^/]{1,253})\/post\/([a-z2-7]{13})\/?$/.exec(url.pathname);
  const actor = match?.[1]?.toLowerCase();
  if (!match || actor === undefined || !(DOMAIN.test(actor) || /^did:plc:[a-z2-7]{24}$/.test(actor))) {
    return fail('is not the address of a Bluesky post; use "Copy link to post", e.g. https://bsky.app/profile/handle.bsky.social/post/3kxyzabcde22a');
  }
  return { ok: true, target: { provider: provider('bluesky'), kind: 'post', link: `https://bsky.app/profile/${actor}/post/${match[2]}` } };
}

function mastodonPost(url: URL): EmbedUrlResult | undefined {
  const match = /^\/@([A-Za-z0-9_]{1,30})\/(\d{1,20})\/?$/.exec(url.pathname);
  if (!match || !DOMAIN.test(url.hostname)) return undefined;
  return { ok: true, target: { provider: provider('mastodon'), kind: 'post', link: `https://${url.hostname}/@${match[1]}/${match[2]}` } };
}

const BY_PROVIDER: Record<Exclude<EmbedProvider['id'], 'mastodon'>, (url: URL) => EmbedUrlResult> = {
  youtube,
  vimeo,
  datawrapper,
  flourish,
  spotify,
  x: xPost,
  bluesky: blueskyPost,
};

/** Reads the address an editor gave an embed: which provider, what to frame, where the original is. */
export function parseEmbedUrl(input: string): EmbedUrlResult {
  if (input.trim() === '') return fail(`is empty; give the address of the video, chart, podcast or post (${allowedProvidersHint()})`);
  if (input.length > MAX_URL_LENGTH) return fail(`is ${input.length} characters long; an embed address is at most ${MAX_URL_LENGTH}: copy the address of the page itself`);
  // Whitespace, control characters and backslashes change how browsers and parsers read an address.
  if (/[\s\u0000-\u001f\u007f\\]/.test(input)) return fail('holds spaces, control characters or backslashes; paste the address exactly as the browser shows it');
  if (!/^https:\/\//i.test(input)) {
    if (/^http:\/\//i.test(input)) return fail(`uses http://; write it with https:// (${allowedProvidersHint()})`);
    return fail(`is not an https:// web address; ${allowedProvidersHint()}`);
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail(`is not a well-formed web address; ${allowedProvidersHint()}`);
  }
  if (url.username !== '' || url.password !== '') {
    return fail(`has "${decodeURIComponent(url.username)}@" before its host, so it really leads to ${url.hostname}; ${allowedProvidersHint()}`);
  }
  if (url.port !== '') return fail(`names port ${url.port}; embeds use the provider's usual https address, without a port`);
  const known = EMBED_PROVIDERS.find((candidate) => candidate.hosts.includes(url.hostname));
  if (known && known.id !== 'mastodon') return BY_PROVIDER[known.id](url);
  const mastodon = mastodonPost(url);
  if (mastodon) return mastodon;
  return fail(`is on ${url.hostname}, which is not an embed provider; ${allowedProvidersHint()} (a Mastodon post's address is https://server/@handle/123...)`);
}

/** A problem with one attribute of an embed directive, for the validator. */
export interface EmbedProblem {
  /** `url`, `title`, `quote`, `author`, `ratio`, or the unknown attribute's name. */
  field: string;
  message: string;
}

export interface FrameEmbedSpec {
  kind: 'video' | 'chart' | 'podcast';
  target: FrameEmbed;
  title: string;
  /** Undefined for a podcast player, which is a bar of fixed height. */
  ratio?: EmbedRatio;
}

export interface PostEmbedSpec {
  kind: 'post';
  target: PostEmbed;
  quote: string;
  author: string;
}

export type EmbedSpec = FrameEmbedSpec | PostEmbedSpec;

const FRAME_ATTRIBUTES = new Set(['url', 'ratio']);
const POST_ATTRIBUTES = new Set(['url', 'author']);
const MAX_TITLE = 200;
const MAX_QUOTE = 1000;
const MAX_AUTHOR = 120;

/**
 * An embed directive as written, `::embed[label]{url="..." ...}`, checked:
 * the label is the frame's title (what a screen reader announces) or the
 * quoted text of a social post; `author` names who wrote the post; `ratio`
 * chooses a frame's shape. Returns the embed, or every problem found.
 */
export function readEmbedDirective(attributes: Readonly<Record<string, string | null | undefined>>, label: string): { ok: true; spec: EmbedSpec } | { ok: false; problems: EmbedProblem[] } {
  const problems: EmbedProblem[] = [];
  const url = attributes.url;
  if (url === undefined || url === null) {
    return { ok: false, problems: [{ field: 'url', message: `is missing; write ::embed[Title]{url="..."} (${allowedProvidersHint()})` }] };
  }
  const parsed = parseEmbedUrl(url);
  if (!parsed.ok) return { ok: false, problems: [{ field: 'url', message: `"${url.slice(0, 80)}" ${parsed.message}` }] };
  const target = parsed.target;
  const text = label.replace(/\s+/g, ' ').trim();
  const allowed = target.kind === 'post' ? POST_ATTRIBUTES : FRAME_ATTRIBUTES;
  for (const name of Object.keys(attributes)) {
    if (!allowed.has(name)) {
      const what = target.kind === 'post' ? 'a social post takes url and author' : 'a frame takes url and ratio';
      problems.push({ field: name, message: `is not an embed attribute; ${what} (the title or quote goes in the brackets)` });
    }
  }
  if (target.kind === 'post') {
    const author = (attributes.author ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') problems.push({ field: 'quote', message: `is missing; a post on ${target.provider.name} is shown as a quote card, so write its text in the brackets: ::embed[The post's words]{url="..." author="Name (@handle)"}` });
    else if (text.length > MAX_QUOTE) problems.push({ field: 'quote', message: `is ${text.length} characters; quote at most ${MAX_QUOTE}, the card links to the whole post` });
    if (author === '') problems.push({ field: 'author', message: `is missing; say who wrote the post, e.g. author="Ministry of Foreign Affairs (@mfa)"` });
    else if (author.length > MAX_AUTHOR) problems.push({ field: 'author', message: `is ${author.length} characters; keep it under ${MAX_AUTHOR}` });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, spec: { kind: 'post', target, quote: text, author } };
  }
  if (text === '') problems.push({ field: 'title', message: `is missing; write what the ${target.kind === 'podcast' ? 'player plays' : target.kind === 'chart' ? 'chart shows' : 'video shows'} in the brackets, e.g. ::embed[Gulf sovereign lending, 2015-2025]{url="..."}: screen readers announce the frame by it` });
  else if (text.length > MAX_TITLE) problems.push({ field: 'title', message: `is ${text.length} characters; keep a frame's title under ${MAX_TITLE}` });
  let ratio: EmbedRatio | undefined = target.defaultRatio;
  const given = attributes.ratio;
  if (given !== undefined && given !== null) {
    if (target.kind === 'podcast') problems.push({ field: 'ratio', message: 'does not apply to a podcast player, which is a bar of fixed height; remove it' });
    else if ((EMBED_RATIOS as readonly string[]).includes(given)) ratio = given as EmbedRatio;
    else problems.push({ field: 'ratio', message: `"${given.slice(0, 20)}" is not one of the frame shapes ${EMBED_RATIOS.join(', ')} (width:height)` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, spec: { kind: target.kind, target, title: text, ...(ratio ? { ratio } : {}) } };
}

/** The frame origins a set of embeds needs, sorted and once each: what goes into a page's `frame-src`. */
export function frameOriginsOf(specs: readonly EmbedSpec[]): string[] {
  return [...new Set(specs.flatMap((spec) => (spec.kind === 'post' ? [] : [spec.target.frameOrigin])))].sort();
}

/** Every origin a page may ever frame: the validator and the header policy refuse anything else. */
export const ALLOWED_FRAME_ORIGINS: readonly string[] = EMBED_PROVIDERS.flatMap((p) => (p.frameOrigin ? [p.frameOrigin] : [])).sort();

/**
 * The only frame addresses a page may hold, as this module builds them: the
 * sanitizer (src/markdown/sanitize-schema.ts) drops any other `src` of an iframe.
 */
export const FRAME_SRC_PATTERN =
  /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/|datawrapper\.dwcdn\.net\/|flo\.uri\.sh\/(?:visualisation|story)\/|open\.spotify\.com\/embed\/(?:episode|show)\/)[A-Za-z0-9_/?=&-]+$/;

interface LabelNode {
  type: string;
  value?: unknown;
  name?: string | null;
  attributes?: unknown;
  children?: readonly LabelNode[];
  alt?: string | null;
}

/**
 * The plain text of a directive's label, as the editor wrote it: what the
 * parser read as a text directive inside it ("at 06:10" holds `:10`) is put
 * back as text, so no word of a title or quote is lost; inline formatting
 * counts for its words only.
 */
export function directiveLabelText(nodes: readonly LabelNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'textDirective') {
      const attributes = Object.entries((node.attributes ?? {}) as Record<string, string | null | undefined>).filter(([, value]) => value !== null && value !== undefined);
      const label = node.children && node.children.length > 0 ? `[${directiveLabelText(node.children)}]` : '';
      out += `:${node.name ?? ''}${label}${attributes.length > 0 ? `{${attributes.map(([key, value]) => (value === '' ? key : `${key}="${value}"`)).join(' ')}}` : ''}`;
    } else if (typeof node.value === 'string') out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if (node.children) out += directiveLabelText(node.children);
  }
  return out;
}
