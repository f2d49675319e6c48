/**
 * Runs spec examples through the build's body renderer and says, for each one
 * that differs from the spec's HTML after normalising, which deliberate steps
 * of the pipeline explain the difference: the smallest set of them whose
 * removal (pipeline-steps.ts) or undoing (the markup rules below) makes the
 * example pass. An example that nothing explains has `explainedBy: null`.
 */
import { createProcessor, type PipelineOptions } from '../../../src/markdown/pipeline.ts';
import { renderArticleBody } from '../../../src/markdown/render-article.ts';
import { normalizeHtml } from './normalize-html.ts';
import { rendererWithout, STEPS, type Renderer, type Step } from './pipeline-steps.ts';
import type { SpecExample } from './spec-examples.ts';

/** Markup the pipeline adds on purpose that no step can be removed to undo; undone on the normalised HTML instead. */
const MARKUP_RULES = {
  /** remark-rehype marks task lists for styling, as github.com does; the spec's HTML has no classes. */
  'task-list-classes': (html: string) => html.replace(/ class="(?:contains-task-list|task-list-item)"/g, ''),
} satisfies Record<string, (html: string) => string>;

export type MarkupRule = keyof typeof MARKUP_RULES;
export type Explanation = Step | MarkupRule;

const EXPLANATIONS: readonly Explanation[] = [...STEPS, ...(Object.keys(MARKUP_RULES) as MarkupRule[])];

export interface ExampleResult {
  example: SpecExample;
  /** The build's HTML, as rendered. */
  html: string;
  passes: boolean;
  /** For a failing example: the explanations, in EXPLANATIONS order; null when none does. */
  explainedBy: Explanation[] | null;
  expectedNormalized: string;
  actualNormalized: string;
}

/** Every subset of `items` in order of size, each in the items' order. */
function* subsetsBySize<T>(items: readonly T[]): Generator<T[]> {
  for (let size = 1; size <= items.length; size++) {
    const pick = (start: number, chosen: T[]): T[][] =>
      chosen.length === size ? [chosen] : items.slice(start).flatMap((item, offset) => pick(start + offset + 1, [...chosen, item]));
    yield* pick(0, []);
  }
}

export function createConformanceRunner(options: PipelineOptions) {
  const processor = createProcessor(options);
  /** Exactly what the build does with an article body (src/loaders/render-pool.ts). */
  const renderForBuild = (markdown: string) => renderArticleBody(processor, { hash: 'conformance', markdown }).html;

  const renderers = new Map<string, Renderer>();
  const rendererFor = (removed: Step[]) => {
    const key = removed.join('+');
    let renderer = renderers.get(key);
    if (!renderer) renderers.set(key, (renderer = rendererWithout(new Set(removed), options)));
    return renderer;
  };

  function explain(example: SpecExample, expected: string): Explanation[] | null {
    // GFM examples are about GFM: turning it off explains nothing there.
    const candidates = EXPLANATIONS.filter((explanation) => !(explanation === 'gfm' && example.spec === 'GFM'));
    for (const subset of subsetsBySize(candidates)) {
      if (subset.includes('sanitize') && subset.includes('raw-html')) continue; // removing raw-html already removes sanitize
      const steps = subset.filter((item): item is Step => (STEPS as readonly string[]).includes(item));
      const rules = subset.filter((item): item is MarkupRule => item in MARKUP_RULES);
      let actual = normalizeHtml(rendererFor(steps)(example.markdown));
      for (const rule of rules) actual = MARKUP_RULES[rule](actual);
      if (actual === expected) return subset;
    }
    return null;
  }

  return {
    renderForBuild,
    /** The pipeline rebuilt from its plugin lists with nothing removed; must render exactly as renderForBuild. */
    renderRebuilt: rendererFor([]),
    run(example: SpecExample): ExampleResult {
      const html = renderForBuild(example.markdown);
      const expectedNormalized = normalizeHtml(example.html);
      const actualNormalized = normalizeHtml(html);
      const passes = actualNormalized === expectedNormalized;
      return { example, html, passes, explainedBy: passes ? null : explain(example, expectedNormalized), expectedNormalized, actualNormalized };
    },
  };
}
