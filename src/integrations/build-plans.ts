/**
 * The content loader writes the plans for photo renditions and search shards
 * during content sync; the build's integrations carry them out. Started when
 * the plan is written rather than at `astro:build:start`, that work fills the
 * core the loader's single-threaded steps and Vite's bundling leave idle
 * (a 10,000-article cold build spends about 15 s there before the first page
 * renders).
 *
 * The loader runs in Vite's module runner and the integrations in Node's own
 * module graph, so each has its own copy of this module: listeners live on
 * `globalThis`, under a registered symbol both copies find. One listener per
 * plan: the build that registered last is the one running (tests build several
 * sites in one process, and a build that failed during content sync must not
 * start work on the next one's plan).
 */
export type BuildPlan = 'photos' | 'search';

type Listener = () => void;

const LISTENERS = Symbol.for('broadsheet.build-plan-listeners');

function listeners(): Map<BuildPlan, Listener> {
  const holder = globalThis as typeof globalThis & { [LISTENERS]?: Map<BuildPlan, Listener> };
  return (holder[LISTENERS] ??= new Map());
}

/** Calls `listener` when the loader has written the plan, in place of any listener before it. Returns a function that stops listening. */
export function onPlanWritten(plan: BuildPlan, listener: Listener): () => void {
  listeners().set(plan, listener);
  return () => {
    if (listeners().get(plan) === listener) listeners().delete(plan);
  };
}

/** Announces that the plan's file is complete on disk. */
export function planWritten(plan: BuildPlan): void {
  listeners().get(plan)?.();
}
