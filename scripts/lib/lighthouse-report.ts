/**
 * The arithmetic and text of `npm run lighthouse`: per-run scores and the
 * audits that lost points, the median over runs (performance is noisy on a
 * shared machine), the pass rule, the score table, and the "Lighthouse"
 * section of docs/quality.md. No browser here: scripts/lighthouse.ts runs
 * Lighthouse and hands its results to these functions.
 */

export const CATEGORIES = [
  { id: 'performance', label: 'performance' },
  { id: 'accessibility', label: 'accessibility' },
  { id: 'best-practices', label: 'best practices' },
  { id: 'seo', label: 'SEO' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** Scores per category, 0 to 100; null where Lighthouse could not score the category. */
export type CategoryScores = Record<CategoryId, number | null>;

/** The audit Lighthouse fails for a page that asks search engines not to index it. */
export const NOINDEX_AUDIT = 'is-crawlable';

export interface PageSpec {
  /** What the page is, for the table: "home", "article". */
  label: string;
  /** Site path, e.g. `/latest/`. */
  path: string;
  /** The page carries a deliberate `noindex`: SEO may lose exactly the points of `is-crawlable`. */
  noindex?: boolean;
  /**
   * Not a page of the site: a nearly empty page audited in the same runs, so
   * the report shows what the machine alone costs in performance. Never judged.
   */
  control?: boolean;
}

/** The part of a Lighthouse result (LH.Result) this module reads. */
export interface LighthouseResultLike {
  lighthouseVersion: string;
  fetchTime: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  configSettings: { formFactor: string; throttlingMethod: string };
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; displayValue?: string } | undefined>;
}

/** An audit that cost its category points in one run. */
export interface LostAudit {
  category: CategoryId;
  id: string;
  title: string;
  /** The audit's own score, 0 to 1. */
  score: number;
  displayValue?: string;
}

export interface PageRun {
  scores: CategoryScores;
  lost: LostAudit[];
  benchmarkIndex: number;
  warnings: string[];
  /** The machine's 1-minute load average when the run started: other work on a shared machine slows the page's main thread. */
  loadAverage?: number;
}

/**
 * Runtime errors that Lighthouse words "Something went wrong with recording the trace over your page
 * load. Please run Lighthouse again": the trace was recorded badly, which says nothing of the page.
 * (NO_NAVSTART stopped two of the 2026-12-04 reports half-way.)
 */
const BAD_TRACE_RECORDINGS = new Set(['NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST', 'NO_NAVSTART', 'NO_DCL', 'NO_FMP']);

/** Whether a run failed only in recording its trace, so running it again is what Lighthouse asks. */
export function isBadTraceRecording(result: LighthouseResultLike): boolean {
  return result.runtimeError !== undefined && BAD_TRACE_RECORDINGS.has(result.runtimeError.code);
}

/** Reads one Lighthouse result: each category's score and every weighted audit that scored below 1. */
export function readRun(result: LighthouseResultLike): PageRun {
  if (result.runtimeError) throw new Error(`Lighthouse could not audit the page: ${result.runtimeError.code}: ${result.runtimeError.message}`);
  const scores = {} as CategoryScores;
  const lost: LostAudit[] = [];
  for (const { id: category } of CATEGORIES) {
    const entry = result.categories[category];
    if (!entry) throw new Error(`the Lighthouse result has no "${category}" category; run every category`);
    scores[category] = entry.score === null ? null : Math.round(entry.score * 100);
    for (const ref of entry.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight <= 0 || !audit || audit.score === null || audit.score >= 1) continue;
      lost.push({ category, id: audit.id, title: audit.title, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) });
    }
  }
  return { scores, lost, benchmarkIndex: result.environment.benchmarkIndex, warnings: result.runWarnings ?? [] };
}

/**
 * The median; for an even count, the lower of the two middle values, so a
 * score never rounds up into a pass it did not reach in any run.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface CategorySummary {
  /** Median over the runs; null when any run could not score the category. */
  median: number | null;
  min: number | null;
  max: number | null;
}

/** An audit that lost points in at least one run, with how many runs it did. */
export interface LostAuditSummary extends Omit<LostAudit, 'score' | 'displayValue'> {
  runs: number;
  /** The lowest score it had, 0 to 1. */
  worstScore: number;
  /** Its displayed values across runs, distinct, in run order (e.g. "2.6 s"). */
  displayValues: string[];
}

export interface PageSummary {
  page: PageSpec;
  runs: number;
  categories: Record<CategoryId, CategorySummary>;
  lost: LostAuditSummary[];
  benchmarkIndex: number;
  /** The lowest and highest load average at the start of a run, when known. */
  loadAverage?: { min: number; max: number };
  warnings: string[];
}

export function summarizePage(page: PageSpec, runs: readonly PageRun[]): PageSummary {
  if (runs.length === 0) throw new Error(`no Lighthouse run for ${page.path}`);
  const categories = {} as Record<CategoryId, CategorySummary>;
  for (const { id } of CATEGORIES) {
    const values = runs.map((run) => run.scores[id]);
    const scored = values.filter((value): value is number => value !== null);
    categories[id] = scored.length < values.length ? { median: null, min: null, max: null } : { median: median(scored), min: Math.min(...scored), max: Math.max(...scored) };
  }
  const lost = new Map<string, LostAuditSummary>();
  for (const run of runs) {
    for (const audit of run.lost) {
      const key = `${audit.category}/${audit.id}`;
      const summary = lost.get(key) ?? { category: audit.category, id: audit.id, title: audit.title, runs: 0, worstScore: 1, displayValues: [] };
      summary.runs += 1;
      summary.worstScore = Math.min(summary.worstScore, audit.score);
      if (audit.displayValue && !summary.displayValues.includes(audit.displayValue)) summary.displayValues.push(audit.displayValue);
      lost.set(key, summary);
    }
  }
  const categoryOrder = CATEGORIES.map((category) => category.id as CategoryId);
  const loads = runs.flatMap((run) => (run.loadAverage === undefined ? [] : [run.loadAverage]));
  return {
    page,
    runs: runs.length,
    categories,
    lost: [...lost.values()].sort((a, b) => categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) || a.id.localeCompare(b.id)),
    benchmarkIndex: median(runs.map((run) => run.benchmarkIndex)),
    ...(loads.length > 0 ? { loadAverage: { min: Math.min(...loads), max: Math.max(...loads) } } : {}),
    warnings: [...new Set(runs.flatMap((run) => run.warnings))],
  };
}

/**
 * Why a page does not pass, or nothing: every category's median must be 100,
 * except SEO on a `noindex` page when `is-crawlable` is the only SEO audit
 * that lost points in any run.
 */
export function pageProblems(summary: PageSummary): string[] {
  const problems: string[] = [];
  if (summary.page.control) return problems;
  for (const { id, label } of CATEGORIES) {
    const { median: score } = summary.categories[id];
    if (score === 100) continue;
    const lost = summary.lost.filter((audit) => audit.category === id);
    if (id === 'seo' && summary.page.noindex && score !== null && lost.length > 0 && lost.every((audit) => audit.id === NOINDEX_AUDIT)) continue;
    const reasons = lost.length > 0 ? lost.map(describeLostAudit).join('; ') : 'no weighted audit failed';
    problems.push(`${summary.page.label} (${summary.page.path}): ${label} ${score ?? 'not scored'}: ${reasons}`);
  }
  return problems;
}

export function describeLostAudit(audit: LostAuditSummary): string {
  const values = audit.displayValues.length > 0 ? ` ${audit.displayValues.join(', ')}` : '';
  return `${audit.id} (${audit.title}${values}) in ${audit.runs} run${audit.runs === 1 ? '' : 's'}`;
}

function formatCategory(summary: CategorySummary): string {
  if (summary.median === null) return 'not scored';
  return summary.min === summary.max ? String(summary.median) : `${summary.median} (${summary.min}–${summary.max})`;
}

/** A Markdown table, one row per page: the median, and the range over the runs where they differ. */
export function formatTable(summaries: readonly PageSummary[]): string {
  const header = ['page', 'path', ...CATEGORIES.map((category) => category.label)];
  const rows = summaries.map((summary) => [
    summary.page.label,
    summary.page.control ? 'an empty page' : `\`${summary.page.path}\``,
    ...CATEGORIES.map(({ id }) => formatCategory(summary.categories[id])),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface ReportContext {
  lighthouseVersion: string;
  /** The browser and its version, e.g. "Chromium 150.0.7871.100 built on Debian GNU/Linux 12 (bookworm)". */
  browser: string;
  formFactor: string;
  throttlingMethod: string;
  runsPerPage: number;
  /** The day of the measurement, YYYY-MM-DD. */
  date: string;
  /** The machine's processor cores, to read the load average against. */
  cores?: number;
}

function formatLoad(load: number): string {
  return load.toFixed(1);
}

/** The browser's product token from a user agent string, e.g. "HeadlessChrome/150.0.7871.100". */
export function browserFromUserAgent(userAgent: string): string {
  return /\b(?:Headless)?Chrom(?:e|ium)\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent;
}

/** The body of the "Lighthouse" section of docs/quality.md. */
export function renderSection(summaries: readonly PageSummary[], context: ReportContext): string {
  const lines = [
    `Measured ${context.date} by \`npm run lighthouse\`: Lighthouse ${context.lighthouseVersion} in ${context.browser}, ` +
      `its ${context.formFactor} settings (throttling method \`${context.throttlingMethod}\`), on the built sample ` +
      `site served on loopback with the headers it ships. Each page was audited ${context.runsPerPage} ` +
      `time${context.runsPerPage === 1 ? '' : 's'}; the table gives the median, and the range where the runs differed. ` +
      'This is a report, not a test: performance moves with the load on the machine.',
    '',
    formatTable(summaries),
    '',
  ];
  const notes: string[] = [];
  for (const summary of summaries) {
    if (summary.page.control) continue;
    for (const audit of summary.lost) {
      const allowed = audit.category === 'seo' && audit.id === NOINDEX_AUDIT && summary.page.noindex;
      notes.push(`- ${summary.page.label}, ${audit.category}: ${describeLostAudit(audit)}${allowed ? ': the page\'s deliberate `noindex`' : ''}.`);
    }
  }
  if (notes.length > 0) lines.push('Audits that lost points:', '', ...notes, '');
  for (const control of summaries.filter((summary) => summary.page.control)) {
    const { median: score, min, max } = control.categories.performance;
    const blocking = control.lost.find((audit) => audit.id === 'total-blocking-time');
    lines.push(
      `The ${control.page.label} row is a page with a heading and a sentence, no stylesheet, photo or script, served with the site's headers and audited in the same runs: ` +
        `what the machine and the headers alone allow. It scored performance ${score}${min !== max ? ` (${min}–${max})` : ''}` +
        `${blocking ? `, losing points to Total Blocking Time (${blocking.displayValues.join(', ')})` : ''}.`,
      '',
    );
  }
  const indexes = summaries.map((summary) => Math.round(summary.benchmarkIndex));
  lines.push(`Lighthouse's benchmark index of the machine (higher is faster), median per page: ${Math.min(...indexes)} to ${Math.max(...indexes)}.`);
  const loads = summaries.flatMap((summary) => (summary.loadAverage ? [summary.loadAverage.min, summary.loadAverage.max] : []));
  if (loads.length > 0) lines.push(`The machine's 1-minute load average as runs started: ${formatLoad(Math.min(...loads))} to ${formatLoad(Math.max(...loads))}${context.cores ? ` on ${context.cores} cores` : ''}.`);
  return lines.join('\n');
}

export const QUALITY_TITLE = '# Quality';

/**
 * Puts `body` under `## heading` in a Markdown document: replaces that section
 * (up to the next heading of level 1 or 2 outside a code fence) or appends it,
 * leaving every other section as it was. A missing or empty document becomes
 * the Quality title and this section.
 */
export function replaceSection(document: string | undefined, heading: string, body: string): string {
  const section = [`## ${heading}`, '', body.trim(), ''];
  if (!document || document.trim() === '') return [QUALITY_TITLE, '', ...section].join('\n');
  const text = document.replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  let fence: string | null = null;
  let start = -1;
  let end = lines.length;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null || !/^#{1,2}\s/.test(line)) continue;
    if (start >= 0) {
      end = index;
      break;
    }
    if (line.trim() === `## ${heading}`) start = index;
  }
  if (start < 0) return `${text.replace(/\s*$/, '')}\n\n${section.join('\n')}`;
  const after = lines.slice(end);
  return [...lines.slice(0, start), ...section, ...after].join('\n').replace(/\n*$/, '\n');
}
