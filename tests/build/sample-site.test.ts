/**
 * Builds the sample publication (content/) once, with the clock pinned, and
 * checks every page as a reader and a crawler would meet it.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { CMS_PAGES, htmlDocuments, listOutput, readPage } from '../helpers/build-site.ts';
import { REPO } from '../helpers/content-fixture.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { isPublic } from '../../src/lib/content/visibility.ts';
import { PAGE_SIZE } from '../../src/data/listings.ts';
import { LATEST_RAIL_HELD } from '../../src/lib/presentation/headline-list.ts';
import { smartenText } from '../../src/markdown/remark-typography.ts';
import { readingTimeLabel } from '../../src/lib/presentation/reading-time.ts';
import { renderBody, createProcessor } from '../../src/markdown/pipeline.ts';

const build = inject('sampleSite');
const NOW = build.now;
const report = validateContent(path.join(REPO, 'content'), { cwd: REPO });
const publicArticles = report.articles.filter((article) => isPublic(article.data, new Date(NOW)));
const hiddenArticles = report.articles.filter((article) => !isPublic(article.data, new Date(NOW)));
const hiddenKind = (article: (typeof report.articles)[number]) => (article.data.draft ? 'draft' : article.data.withdrawn ? 'withdrawn' : 'scheduled');

let files: string[];
const pages = new Map<string, { html: string; tree: Root }>();
const page = (file: string) => {
  let parsed = pages.get(file);
  if (!parsed) pages.set(file, (parsed = readPage(build.outDir, file)));
  return parsed;
};
const text = (node: Parameters<typeof toText>[0] | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');
const htmlFiles = () => files.filter((file) => file.endsWith('.html'));

beforeAll(() => {
  files = listOutput(build.outDir);
});

describe('the sample content', () => {
  it('is valid and has a draft, a scheduled piece and a withdrawn one to hide', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(publicArticles.length).toBeGreaterThanOrEqual(40);
    expect(hiddenArticles.map(hiddenKind).sort()).toEqual(['draft', 'scheduled', 'withdrawn']);
  });
});

describe('article pages', () => {
  it('have every part of the anatomy', () => {
    for (const article of publicArticles) {
      const file = `${article.slug}/index.html`;
      expect(files, file).toContain(file);
      const { tree } = page(file);
      const data = article.data;
      const kicker = text(select('.article-header .kicker', tree));
      if (data.type === 'short-take') expect(kicker, file).toBe('SIGNAL');
      else expect(kicker, file).toMatch(/^(Analysis|Opinion|News|Reporting|Interview|Review) \| .+$/);
      expect(selectAll('h1', tree), file).toHaveLength(1);
      expect(text(select('.article-header .dek', tree)), file).not.toBe('');
      const bylineLinks = selectAll('.byline a', tree).map((a) => a.properties.href);
      expect(bylineLinks, file).toEqual(data.authors.map((id) => `/author/${id}/`));
      const times = selectAll('.byline time', tree);
      expect(times.length, file).toBe(data.updated ? 2 : 1);
      for (const time of times) expect(String(time.properties.dateTime), file).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      if (data.hero) {
        const img = select('.hero img', tree)!;
        expect(img.properties.width && img.properties.height, file).toBeTruthy();
        expect(img.properties.alt, file).toBe(data.hero.alt);
        expect(img.properties.loading, file).toBe('eager');
        expect(img.properties.fetchPriority ?? img.properties.fetchpriority, file).toBe('high');
        expect(select('.hero source[type="image/avif"]', tree), file).toBeDefined();
        expect(text(select('.hero figcaption', tree)), file).toMatch(new RegExp(`^Top photo credit: .*${escape(data.hero.credit)}$`));
      }
      const republished = text(select('.republished', tree));
      if (data.republished) expect(republished, file).toMatch(/^This article was republished with permission by /);
      else expect(republished, file).toBe('');
      expect(selectAll('.corrections li', tree).length, file).toBe(data.corrections.length);
      expect(selectAll('.tags a', tree).map((a) => a.properties.href), file).toEqual(data.tags.map((tag) => `/tag/${tag}/`));
      expect(selectAll('.bios .bio', tree).length, file).toBe(data.authors.length);
      // Related stories, and when fewer than three pass, the section's pieces under "More from <section>".
      const related = selectAll('[aria-labelledby="related-heading"] .teaser', tree);
      const moreFromSection = selectAll('[aria-labelledby="more-from-section-heading"] .teaser', tree);
      expect(related.length + moreFromSection.length, file).toBeGreaterThanOrEqual(3);
      expect(related.length + moreFromSection.length, file).toBeLessThanOrEqual(6);
      if (moreFromSection.length > 0) {
        expect(related.length + moreFromSection.length, file).toBe(3);
        const heading = select('#more-from-section-heading a', tree)!;
        expect(text(heading), file).toMatch(/^More from /);
        expect(heading.properties.href, file).toBe(`/${data.section}/`);
      }
      const teaserLinks = selectAll('[data-related] .teaser-title a', tree).map((a) => a.properties.href);
      expect(teaserLinks, file).not.toContain(`/${article.slug}/`);
      expect(new Set(teaserLinks).size, file).toBe(teaserLinks.length);
      expect(text(select('#latest-heading', tree)), file).toBe('Latest');
      // LATEST is loaded from one fragment, so a publish leaves article pages alone; the link works without JavaScript.
      const latest = select('[data-latest-rail]', tree)!;
      expect(latest.properties.dataLatestRail, file).toBe('/latest/rail.html');
      expect(select('[data-latest-fallback] a', latest)!.properties.href, file).toBe('/latest/');
      expect(selectAll('.teaser, .headline-list', latest), file).toEqual([]);
    }
  });

  it('load LATEST from a fragment that holds the newest public pieces, enough to leave out an article and its related stories', () => {
    const fragment = page('latest/rail.html');
    expect(fragment.html).not.toMatch(/<(html|head|body|script)/i);
    const newest = [...publicArticles].sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || (a.slug < b.slug ? -1 : 1));
    const hrefs = selectAll('.headline-list li a', fragment.tree).map((a) => a.properties.href);
    expect(hrefs).toEqual(newest.slice(0, LATEST_RAIL_HELD).map((article) => `/${article.slug}/`));
  });

  it('put the republish line only where due and the article body in place', () => {
    const republished = publicArticles.filter((article) => article.data.republished);
    expect(republished.length).toBeGreaterThanOrEqual(3);
    for (const article of publicArticles) {
      const body = text(select('.article-body', page(`${article.slug}/index.html`).tree));
      expect(body.length, article.slug).toBeGreaterThan(300);
    }
  });
});

describe('series', () => {
  const parts = publicArticles.filter((article) => article.data.series).sort((a, b) => a.data.series!.part - b.data.series!.part);

  it('the sample has a three-part series, all of it public', () => {
    expect(report.series.map((series) => series.id)).toEqual(['chokepoints']);
    expect(parts.map((article) => article.data.series!.part)).toEqual([1, 2, 3]);
  });

  it('has a page listing its parts in order, in the sitemap, with its feed', () => {
    const { tree } = page('series/chokepoints/index.html');
    expect(text(select('h1', tree))).toBe('Chokepoints under strain');
    expect(selectAll('.series-parts > li', tree).map((item) => [text(select('.series-part-number', item)), select('.teaser-title a', item)!.properties.href])).toEqual(
      parts.map((article, index) => [`Part ${index + 1}`, `/${article.slug}/`]),
    );
    expect(readFileSync(path.join(build.outDir, 'sitemaps/pages.xml'), 'utf8')).toContain('<loc>https://meridian-review.example/series/chokepoints/</loc>');
    expect(select('link[rel="alternate"][href="/series/chokepoints/rss.xml"]', tree)).toBeDefined();
    const feed = readFileSync(path.join(build.outDir, 'series/chokepoints/rss.xml'), 'utf8');
    for (const article of parts) expect(feed).toContain(`/${article.slug}/`);
  });

  it('gives each part "Part n of 3" linking the series, its neighbours, and isPartOf in its JSON-LD', () => {
    parts.forEach((article, index) => {
      const { tree } = page(`${article.slug}/index.html`);
      expect(text(select('.series-label', tree)), article.slug).toBe(`Part ${index + 1} of 3: Chokepoints under strain`);
      expect(select('.series-label a', tree)!.properties.href).toBe('/series/chokepoints/');
      const previous = select('.series-previous a', tree);
      const next = select('.series-next a', tree);
      expect(previous?.properties.href, article.slug).toBe(index > 0 ? `/${parts[index - 1]!.slug}/` : undefined);
      expect(next?.properties.href, article.slug).toBe(index < 2 ? `/${parts[index + 1]!.slug}/` : undefined);
      const jsonLd = selectAll('script[type="application/ld+json"]', tree).map((script) => JSON.parse(text(script)) as Record<string, unknown>);
      expect(jsonLd[0]!.isPartOf).toEqual({
        '@type': 'CreativeWorkSeries',
        '@id': 'https://meridian-review.example/series/chokepoints/#series',
        name: 'Chokepoints under strain',
        url: 'https://meridian-review.example/series/chokepoints/',
      });
    });
    const other = publicArticles.find((article) => !article.data.series)!;
    expect(select('.series-label, .series-nav', page(`${other.slug}/index.html`).tree)).toBeUndefined();
  });
});

describe('reading aids', () => {
  const processor = createProcessor({ siteUrl: 'https://meridian-review.example/', base: '/' });

  it('show the reading time in the byline and on teasers', () => {
    const article = publicArticles.find((candidate) => candidate.data.series)!;
    const label = readingTimeLabel(renderBody(processor, article.body).wordCount);
    expect(text(select('.byline .reading-time', page(`${article.slug}/index.html`).tree))).toBe(`· ${label}`);
    const teaser = selectAll('.teaser', page('series/chokepoints/index.html').tree).find((candidate) => select(`.teaser-title a[href="/${article.slug}/"]`, candidate))!;
    expect(text(select('.teaser-meta .reading-time', teaser))).toBe(label);
  });

  it('offer share links on every article page: plain links, named, without tracking or scripts', () => {
    for (const article of publicArticles) {
      const { tree } = page(`${article.slug}/index.html`);
      const links = selectAll('.share a', tree);
      expect(links.map((link) => text(link)), article.slug).toEqual(['Share by E-mail', 'Share on Bluesky', 'Share on X', 'Share on LinkedIn', 'Share on Facebook', 'Share on WhatsApp']);
      for (const link of links) {
        expect(link.properties.rel, article.slug).toEqual(['noopener', 'noreferrer']);
        expect(String(link.properties.href), article.slug).toMatch(/^(mailto:\?subject=|https:\/\/)/);
      }
      const canonical = String(select('link[rel="canonical"]', tree)!.properties.href);
      expect(new URL(String(links[3]!.properties.href)).searchParams.get('url'), article.slug).toBe(canonical);
    }
  });
});

describe('teasers', () => {
  it('show photo credit, section, headline link and an excerpt that expands without JavaScript', () => {
    const { tree } = page('latest/index.html');
    const teasers = selectAll('.teaser', tree);
    expect(teasers.length).toBe(PAGE_SIZE);
    for (const teaser of teasers) {
      expect(text(select('.kicker', teaser))).not.toBe('');
      expect(String(select('.teaser-title a', teaser)!.properties.href)).toMatch(/^\/[a-z0-9-]+\/$/);
      const photo = select('.teaser-photo', teaser);
      if (photo) {
        expect(text(select('.credit', photo))).toMatch(/^Top photo credit: /);
        expect(select('img', photo)!.properties.loading).toBe('lazy');
      }
      expect(text(select('.excerpt > p', teaser))).not.toBe('');
      const details = select('.excerpt details', teaser);
      if (details) {
        expect(text(select('summary .when-closed', details))).toBe('keep reading');
        expect(text(select('summary .when-open', details))).toBe('Show less');
      }
    }
    expect(selectAll('.excerpt details', tree).length).toBeGreaterThan(PAGE_SIZE / 2);
  });
});

describe('lists and pagination', () => {
  const newestFirst = [...publicArticles].sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || (a.slug < b.slug ? -1 : 1));
  const hrefsOf = (file: string) => selectAll('.teaser-title a', page(file).tree).map((a) => String(a.properties.href));

  it('lists every public article exactly once across the archive pages of Latest, oldest on page 1', () => {
    const pageCount = Math.ceil(newestFirst.length / PAGE_SIZE);
    const seen: string[] = [];
    for (let number = 1; number <= pageCount; number++) seen.push(...hrefsOf(`latest/page/${number}/index.html`));
    expect(seen.sort()).toEqual(newestFirst.map((article) => `/${article.slug}/`).sort());
    expect(hrefsOf('latest/page/1/index.html')).toContain(`/${newestFirst.at(-1)!.slug}/`);
    expect(files).not.toContain(`latest/page/${pageCount + 1}/index.html`);
    expect(hrefsOf('latest/index.html')).toEqual(newestFirst.slice(0, PAGE_SIZE).map((article) => `/${article.slug}/`));
  });

  it('links pages with rel=prev/next and page numbers consistently', () => {
    const pageCount = Math.ceil(newestFirst.length / PAGE_SIZE);
    const front = page('latest/index.html').tree;
    expect(select('link[rel="prev"]', front)).toBeUndefined();
    const olderFromFront = String(select('link[rel="next"]', front)!.properties.href);
    expect(olderFromFront).toMatch(/^\/latest\/page\/\d+\/$/);
    for (let number = 1; number <= pageCount; number++) {
      const tree = page(`latest/page/${number}/index.html`).tree;
      const newer = select('link[rel="prev"]', tree)!.properties.href;
      expect(newer).toBe(number === pageCount ? '/latest/' : `/latest/page/${number + 1}/`);
      const older = select('link[rel="next"]', tree);
      if (number === 1) expect(older).toBeUndefined();
      else expect(older!.properties.href).toBe(`/latest/page/${number - 1}/`);
      expect(text(select('.pagination [aria-current="page"]', tree))).toBe(String(number));
    }
  });

  it('has a page per section, author and tag, each newest first', () => {
    for (const section of report.sections) {
      const hrefs = hrefsOf(`${section.id}/index.html`);
      const expected = newestFirst.filter((article) => article.data.section === section.id).slice(0, PAGE_SIZE);
      expect(hrefs, section.id).toEqual(expected.map((article) => `/${article.slug}/`));
    }
    for (const author of report.authors) {
      const expected = newestFirst.filter((article) => article.data.authors.includes(author.id));
      expect(hrefsOf(`author/${author.id}/index.html`), author.id).toEqual(expected.slice(0, PAGE_SIZE).map((article) => `/${article.slug}/`));
      expect(text(select('.author-profile .bio-text', page(`author/${author.id}/index.html`).tree)), author.id).not.toBe('');
    }
    const tags = new Set(publicArticles.flatMap((article) => article.data.tags));
    for (const tag of tags) expect(files, tag).toContain(`tag/${tag}/index.html`);
  });
});

describe('the whole site', () => {
  it('never mentions drafts, scheduled or withdrawn pieces; a withdrawn one leaves only its notice', () => {
    for (const hidden of hiddenArticles) {
      const own = files.filter((file) => file.startsWith(`${hidden.slug}/`));
      expect(own, hidden.slug).toEqual(hiddenKind(hidden) === 'withdrawn' ? [`${hidden.slug}/index.html`] : []);
      const title = smartenText(hidden.data.title, '');
      for (const file of htmlFiles()) {
        if (own.includes(file)) {
          expect(text(page(file).tree).includes(title), `${file}: the notice shows the headline`).toBe(false);
          continue;
        }
        const { html, tree } = page(file);
        expect(html.includes(`/${hidden.slug}/`), `${file} links ${hidden.slug}`).toBe(false);
        expect(text(tree).includes(title), `${file} shows ${hidden.slug}`).toBe(false);
      }
    }
  });

  it('runs scripts only on the search page and, on article pages, the LATEST loader; all external modules', () => {
    // Data blocks such as JSON-LD are not scripts: browsers never run them.
    const runs = (script: ReturnType<typeof selectAll>[number]) => /^(|module|(text|application)\/(java|ecma)script)$/i.test(String(script.properties.type ?? ''));
    const searchScripts: string[] = [];
    const loaders = new Set<string>();
    for (const file of htmlDocuments(files)) {
      const { tree } = page(file);
      const scripts = selectAll('script', tree).filter(runs);
      if (select('[data-latest-rail]', tree)) {
        expect(scripts.map((script) => script.properties.type), file).toEqual(['module']);
        expect(scripts[0]!.children, file).toEqual([]);
        loaders.add(String(scripts[0]!.properties.src));
        continue;
      }
      if (file !== 'search/index.html') {
        expect(scripts, file).toEqual([]);
        continue;
      }
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const script of scripts) {
        // The search page's Content-Security-Policy (script-src 'self') refuses inline code.
        expect(script.properties.type, file).toBe('module');
        expect(String(script.properties.src), file).toMatch(/^\/_astro\/[\w.-]+\.js$/);
        expect(script.children, file).toEqual([]);
        searchScripts.push(String(script.properties.src).slice(1));
      }
    }
    // Besides Pagefind's own bundle and the CMS's (/admin/, tests/build/cms-admin.test.ts), the only
    // JavaScript is what the search page loads.
    // One loader for every article page, under 1 KB compressed (deferred, as module scripts are).
    expect(loaders.size).toBe(1);
    const [loader] = [...loaders];
    expect(loader).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(gzipSync(readFileSync(path.join(build.outDir, loader!))).length).toBeLessThan(1024);
    const cmsScripts = CMS_PAGES.flatMap((file) => selectAll('script', page(file).tree).map((script) => String(script.properties.src).slice(1)));
    expect(files.filter((file) => file.endsWith('.js') && !file.startsWith('pagefind/') && !file.startsWith('admin/') && !cmsScripts.includes(file)).sort()).toEqual(
      [...new Set([...searchScripts, loader!.slice(1)])].sort(),
    );
  });

  it('resolves every internal link and image', () => {
    const broken: string[] = [];
    for (const file of htmlFiles()) {
      for (const element of selectAll('a[href], img[src], link[href], source[srcset], img[srcset]', page(file).tree)) {
        const targets = [element.properties.href, element.properties.src, ...String(element.properties.srcSet ?? '').split(',').map((part) => part.trim().split(' ')[0])]
          .filter((target): target is string => typeof target === 'string' && target.startsWith('/') && !target.startsWith('//'));
        for (const target of targets) {
          const clean = decodeURI(target.split(/[?#]/)[0]!);
          if (!existsSync(path.join(build.outDir, clean.endsWith('/') ? `${clean}index.html` : clean))) broken.push(`${file} -> ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('has one h1, landmarks and a skip link on every page', () => {
    for (const file of htmlDocuments(files).filter((file) => !select('meta[http-equiv="refresh"]', page(file).tree))) {
      const { tree } = page(file);
      expect(selectAll('h1', tree).length, file).toBe(1);
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(select(landmark, tree), `${file} ${landmark}`).toBeDefined();
      expect(select('a.skip-link[href="#main"]', tree), file).toBeDefined();
      expect(select('html', tree)!.properties.lang, file).toBe('en');
    }
  });

  it('has a 404 page and a front page with lead, latest, a block per section and the short-takes rail', () => {
    expect(files).toContain('404.html');
    const { tree } = page('index.html');
    expect(select('.front-lead .teaser-lead', tree)).toBeDefined();
    expect(selectAll('.front-latest .headline-list li', tree).length).toBeGreaterThanOrEqual(6);
    const railHeadings = selectAll('.rail-heading', tree).map((heading) => text(heading));
    for (const section of report.sections) expect(railHeadings, section.id).toContain(section.label ?? section.name);
  });
});

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
