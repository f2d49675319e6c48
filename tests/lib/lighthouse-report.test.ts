import { describe, expect, it } from 'vitest';
import {
  browserFromUserAgent,
  formatTable,
  isBadTraceRecording,
  median,
  pageProblems,
  readRun,
  renderSection,
  replaceSection,
  summarizePage,
  type CategoryScores,
  type LighthouseResultLike,
  type PageRun,
  type PageSpec,
} from '../../scripts/lib/lighthouse-report.ts';

const HOME: PageSpec = { label: 'home', path: '/' };
const SEARCH: PageSpec = { label: 'search', path: '/search/', noindex: true };
const CONTROL: PageSpec = { label: 'control', path: '/', control: true };
const TBT_LOST = { category: 'performance', id: 'total-blocking-time', title: 'Total Blocking Time', score: 0.9, displayValue: '170 ms' } as const;

function scores(performance: number | null, accessibility = 100, bestPractices = 100, seo = 100): CategoryScores {
  return { performance, accessibility, 'best-practices': bestPractices, seo };
}

function run(categoryScores: CategoryScores, lost: PageRun['lost'] = [], benchmarkIndex = 2000): PageRun {
  return { scores: categoryScores, lost, benchmarkIndex, warnings: [] };
}

const LCP_LOST = { category: 'performance', id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.97, displayValue: '2.6 s' } as const;
const CRAWLABLE_LOST = { category: 'seo', id: 'is-crawlable', title: 'Page is blocked from indexing', score: 0 } as const;

function result(overrides: Partial<LighthouseResultLike> = {}): LighthouseResultLike {
  return {
    lighthouseVersion: '13.5.0',
    fetchTime: '2026-12-02T19:40:00.000Z',
    environment: { hostUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.7871.100 Safari/537.36', benchmarkIndex: 1850.5 },
    configSettings: { formFactor: 'mobile', throttlingMethod: 'simulate' },
    categories: {
      performance: { score: 0.97, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }, { id: 'cumulative-layout-shift', weight: 25 }, { id: 'long-tasks', weight: 0 }] },
      accessibility: { score: 1, auditRefs: [{ id: 'image-alt', weight: 10 }, { id: 'target-size', weight: 0 }] },
      'best-practices': { score: 1, auditRefs: [{ id: 'errors-in-console', weight: 1 }] },
      seo: { score: 0.69, auditRefs: [{ id: 'is-crawlable', weight: 4.04 }, { id: 'document-title', weight: 1 }] },
    },
    audits: {
      'largest-contentful-paint': { id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.97, displayValue: '2.6 s' },
      'cumulative-layout-shift': { id: 'cumulative-layout-shift', title: 'Cumulative Layout Shift', score: 1, displayValue: '0' },
      'long-tasks': { id: 'long-tasks', title: 'Avoid long main-thread tasks', score: 0 },
      'image-alt': { id: 'image-alt', title: 'Image elements have [alt] attributes', score: 1 },
      'target-size': { id: 'target-size', title: 'Touch targets', score: 0 },
      'errors-in-console': { id: 'errors-in-console', title: 'No browser errors logged to the console', score: null },
      'is-crawlable': { id: 'is-crawlable', title: 'Page is blocked from indexing', score: 0 },
      'document-title': { id: 'document-title', title: 'Document has a <title> element', score: 1 },
    },
    ...overrides,
  };
}

describe('readRun', () => {
  it('rounds category scores to 0-100 and lists only weighted audits below 1', () => {
    const read = readRun(result());
    expect(read.scores).toEqual({ performance: 97, accessibility: 100, 'best-practices': 100, seo: 69 });
    expect(read.lost).toEqual([
      { category: 'performance', id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.97, displayValue: '2.6 s' },
      { category: 'seo', id: 'is-crawlable', title: 'Page is blocked from indexing', score: 0 },
    ]);
    expect(read.benchmarkIndex).toBe(1850.5);
  });

  it('keeps a category Lighthouse could not score as null', () => {
    const base = result();
    const read = readRun(result({ categories: { ...base.categories, performance: { score: null, auditRefs: [] } } }));
    expect(read.scores.performance).toBeNull();
  });

  it('refuses a result with a runtime error or without a category', () => {
    expect(() => readRun(result({ runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } }))).toThrow(/NO_FCP: The page did not paint/);
    const { seo: _seo, ...withoutSeo } = result().categories;
    expect(() => readRun(result({ categories: withoutSeo }))).toThrow(/no "seo" category/);
  });

  it('tells a badly recorded trace, which Lighthouse asks to run again, from a page that failed', () => {
    expect(isBadTraceRecording(result({ runtimeError: { code: 'NO_NAVSTART', message: 'Something went wrong with recording the trace over your page load.' } }))).toBe(true);
    expect(isBadTraceRecording(result({ runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } }))).toBe(false);
    expect(isBadTraceRecording(result())).toBe(false);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([100, 93, 98])).toBe(98);
    expect(median([7])).toBe(7);
  });

  it('takes the lower middle value of an even count, never an average that no run reached', () => {
    expect(median([100, 99])).toBe(99);
    expect(median([100, 97, 100, 99])).toBe(99);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('summarizePage', () => {
  it('gives each category its median and range, and counts the runs each audit lost points in', () => {
    const summary = summarizePage(HOME, [run(scores(97), [LCP_LOST]), run(scores(100)), run(scores(99), [{ ...LCP_LOST, score: 0.99, displayValue: '2.4 s' }])]);
    expect(summary.categories.performance).toEqual({ median: 99, min: 97, max: 100 });
    expect(summary.categories.seo).toEqual({ median: 100, min: 100, max: 100 });
    expect(summary.lost).toEqual([{ category: 'performance', id: 'largest-contentful-paint', title: 'Largest Contentful Paint', runs: 2, worstScore: 0.97, displayValues: ['2.6 s', '2.4 s'] }]);
    expect(summary.loadAverage).toBeUndefined();
  });

  it('marks a category unscored when any run could not score it', () => {
    const summary = summarizePage(HOME, [run(scores(100)), run(scores(null))]);
    expect(summary.categories.performance).toEqual({ median: null, min: null, max: null });
  });

  it('refuses a page without runs', () => {
    expect(() => summarizePage(HOME, [])).toThrow(/no Lighthouse run for \//);
  });
});

describe('pageProblems', () => {
  it('passes a page at 100 everywhere', () => {
    expect(pageProblems(summarizePage(HOME, [run(scores(100)), run(scores(100))]))).toEqual([]);
  });

  it('fails a median below 100 and names the audits that lost points', () => {
    const problems = pageProblems(summarizePage(HOME, [run(scores(97), [LCP_LOST]), run(scores(98), [LCP_LOST]), run(scores(100))]));
    expect(problems).toEqual(['home (/): performance 98: largest-contentful-paint (Largest Contentful Paint 2.6 s) in 2 runs']);
  });

  it('judges the median, so one slow run out of three passes', () => {
    expect(pageProblems(summarizePage(HOME, [run(scores(91), [LCP_LOST]), run(scores(100)), run(scores(100))]))).toEqual([]);
  });

  it('lets a noindex page lose SEO points for is-crawlable alone', () => {
    expect(pageProblems(summarizePage(SEARCH, [run(scores(100, 100, 100, 69), [CRAWLABLE_LOST])]))).toEqual([]);
  });

  it('fails a noindex page whose SEO lost points for anything else too', () => {
    const titleLost = { category: 'seo', id: 'document-title', title: 'Document has a <title> element', score: 0 } as const;
    const problems = pageProblems(summarizePage(SEARCH, [run(scores(100, 100, 100, 61), [CRAWLABLE_LOST, titleLost])]));
    expect(problems).toEqual(['search (/search/): SEO 61: document-title (Document has a <title> element) in 1 run; is-crawlable (Page is blocked from indexing) in 1 run']);
  });

  it('allows the noindex loss on SEO only, and only on pages declared noindex', () => {
    expect(pageProblems(summarizePage(SEARCH, [run(scores(100, 97, 100, 69), [CRAWLABLE_LOST, { category: 'accessibility', id: 'target-size', title: 'Touch targets', score: 0 }])]))).toEqual([
      'search (/search/): accessibility 97: target-size (Touch targets) in 1 run',
    ]);
    expect(pageProblems(summarizePage(HOME, [run(scores(100, 100, 100, 69), [CRAWLABLE_LOST])]))).toEqual(['home (/): SEO 69: is-crawlable (Page is blocked from indexing) in 1 run']);
  });

  it('never judges the control page', () => {
    expect(pageProblems(summarizePage(CONTROL, [run(scores(80, 90, 90, 60), [TBT_LOST])]))).toEqual([]);
  });

  it('fails a category that could not be scored', () => {
    expect(pageProblems(summarizePage(HOME, [run(scores(null))]))).toEqual(['home (/): performance not scored: no weighted audit failed']);
  });
});

describe('formatTable', () => {
  it('prints one row per page with the median, and the range where the runs differ', () => {
    const table = formatTable([summarizePage(HOME, [run(scores(97)), run(scores(100)), run(scores(99))]), summarizePage(SEARCH, [run(scores(100, 100, 100, 69), [CRAWLABLE_LOST])])]);
    expect(table).toBe(
      [
        '| page | path | performance | accessibility | best practices | SEO |',
        '| --- | --- | --- | --- | --- | --- |',
        '| home | `/` | 99 (97–100) | 100 | 100 | 100 |',
        '| search | `/search/` | 100 | 100 | 100 | 69 |',
      ].join('\n'),
    );
  });
});

describe('renderSection', () => {
  const context = { lighthouseVersion: '13.5.0', browser: 'HeadlessChrome/150.0.7871.100', formFactor: 'mobile', throttlingMethod: 'simulate', runsPerPage: 3, date: '2026-12-02' };

  it('says how the scores were measured, gives the table, and explains each lost point', () => {
    const loaded = (pageRun: PageRun, loadAverage: number) => ({ ...pageRun, loadAverage });
    const section = renderSection(
      [summarizePage(HOME, [loaded(run(scores(100), [], 1800), 0.42), loaded(run(scores(100), [], 1800), 3.1)]), summarizePage(SEARCH, [loaded(run(scores(100, 100, 100, 69), [CRAWLABLE_LOST], 2100), 1.5)])],
      { ...context, cores: 2 },
    );
    expect(section).toContain('Measured 2026-12-02 by `npm run lighthouse`: Lighthouse 13.5.0');
    expect(section).toContain('Lighthouse 13.5.0 in HeadlessChrome/150.0.7871.100, its mobile settings (throttling method `simulate`)');
    expect(section).toContain('audited 3 times');
    expect(section).toContain('| search | `/search/` | 100 | 100 | 100 | 69 |');
    expect(section).toContain("- search, seo: is-crawlable (Page is blocked from indexing) in 1 run: the page's deliberate `noindex`.");
    expect(section).toContain('median per page: 1800 to 2100.');
    expect(section).toContain('load average as runs started: 0.4 to 3.1 on 2 cores.');
  });

  it('shows the control page as a yardstick, apart from the audits of the site', () => {
    const section = renderSection([summarizePage(HOME, [run(scores(100))]), summarizePage(CONTROL, [run(scores(96), [TBT_LOST]), run(scores(100)), run(scores(98), [{ ...TBT_LOST, displayValue: '120 ms' }])])], context);
    expect(section).toContain('| control | an empty page | 98 (96–100) | 100 | 100 | 100 |');
    expect(section).toContain('It scored performance 98 (96–100), losing points to Total Blocking Time (170 ms, 120 ms).');
    expect(section).not.toContain('- control');
  });

  it('has no list of lost audits when none lost points, and no load line without load figures', () => {
    const section = renderSection([summarizePage(HOME, [run(scores(100))])], { ...context, runsPerPage: 1 });
    expect(section).toContain('audited 1 time;');
    expect(section).not.toContain('Audits that lost points');
    expect(section).not.toContain('load average');
  });
});

describe('browserFromUserAgent', () => {
  it('finds the Chrome product token, or keeps the whole string', () => {
    expect(browserFromUserAgent(result().environment.hostUserAgent)).toBe('HeadlessChrome/150.0.7871.100');
    expect(browserFromUserAgent('Mozilla/5.0 Chromium/120.0.1 Safari')).toBe('Chromium/120.0.1');
    expect(browserFromUserAgent('SomeBrowser/1')).toBe('SomeBrowser/1');
  });
});

describe('replaceSection', () => {
  const body = 'Measured today.\n\n| page |\n| --- |';

  it('creates the Quality document when there is none', () => {
    expect(replaceSection(undefined, 'Lighthouse', body)).toBe('# Quality\n\n## Lighthouse\n\nMeasured today.\n\n| page |\n| --- |\n');
    expect(replaceSection('  \n', 'Lighthouse', body)).toBe('# Quality\n\n## Lighthouse\n\nMeasured today.\n\n| page |\n| --- |\n');
  });

  it('appends the section after the others when it is missing', () => {
    const document = '# Quality\n\n## Accessibility\n\naxe: clean.\n';
    expect(replaceSection(document, 'Lighthouse', 'New.')).toBe('# Quality\n\n## Accessibility\n\naxe: clean.\n\n## Lighthouse\n\nNew.\n');
  });

  it('replaces only its own section, up to the next heading of level 2, keeping sub-headings inside it', () => {
    const document = ['# Quality', '', '## Lighthouse', '', 'Old table.', '', '### Notes', '', 'Old notes.', '', '## Accessibility', '', 'axe: clean.', ''].join('\n');
    expect(replaceSection(document, 'Lighthouse', 'New.')).toBe(['# Quality', '', '## Lighthouse', '', 'New.', '', '## Accessibility', '', 'axe: clean.', ''].join('\n'));
  });

  it('replaces the last section to the end of the document', () => {
    const document = '# Quality\n\n## Accessibility\n\naxe: clean.\n\n## Lighthouse\n\nOld.\n\n\n';
    expect(replaceSection(document, 'Lighthouse', 'New.')).toBe('# Quality\n\n## Accessibility\n\naxe: clean.\n\n## Lighthouse\n\nNew.\n');
  });

  it('ignores headings inside code fences, in its section and in others', () => {
    const document = ['# Quality', '', '## Lighthouse', '', '```md', '## Not a heading', '```', '', '## Performance', '', '~~~', '## Lighthouse', '~~~', ''].join('\n');
    expect(replaceSection(document, 'Lighthouse', 'New.')).toBe(['# Quality', '', '## Lighthouse', '', 'New.', '', '## Performance', '', '~~~', '## Lighthouse', '~~~', ''].join('\n'));
  });

  it('does not take a heading that only begins with the name for its own', () => {
    const document = '# Quality\n\n## Lighthouse history\n\nKept.\n';
    expect(replaceSection(document, 'Lighthouse', 'New.')).toBe('# Quality\n\n## Lighthouse history\n\nKept.\n\n## Lighthouse\n\nNew.\n');
  });

  it('reads CRLF documents and writes LF', () => {
    expect(replaceSection('# Quality\r\n\r\n## Lighthouse\r\n\r\nOld.\r\n', 'Lighthouse', 'New.')).toBe('# Quality\n\n## Lighthouse\n\nNew.\n');
  });
});
