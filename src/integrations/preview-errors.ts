/**
 * The content loader's way to reach the preview server: content errors in the
 * overlay, not only in the terminal (the loader runs outside any request, so
 * Vite would not show what it throws), and the articles of a saved edit shown
 * at once. The loader and this integration may be loaded as separate module
 * instances, so the server's side sits in a process-wide slot.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment } from 'vite';

type PreviewPayload = { type: 'error'; err: { message: string; stack: string } } | { type: 'full-reload'; path: string };
/** What the loader asks of the server: a payload for the browser, or new articles to show. */
type PreviewMessage = PreviewPayload | { type: 'articles-changed' };
type PreviewErrorSink = (message: PreviewMessage) => void;

const SLOT = Symbol.for('broadsheet.preview-error-sink');

function send(payload: PreviewMessage): void {
  ((globalThis as Record<symbol, unknown>)[SLOT] as PreviewErrorSink | undefined)?.(payload);
}

/** Shows an error over every open preview page; does nothing outside `astro dev`. */
export function showInPreview(payload: Extract<PreviewPayload, { type: 'error' }>): void {
  send(payload);
}

/**
 * Takes the error away once the content validates again. Reloading is the way:
 * a fix that restores the last good version changes no stored entry, so
 * nothing else would refresh the page.
 */
export function clearPreviewError(): void {
  send({ type: 'full-reload', path: '*' });
}

/**
 * The articles the loader just handed over (src/lib/content/archive-handover.ts) shown at once.
 * They are not in Astro's data store, whose write after a change waits half a second
 * (astro/dist/content/mutable-data-store.js, SAVE_DEBOUNCE_MS): the site's data module is
 * evaluated again on the next request instead, and open pages reload.
 */
export function showNewArticles(): void {
  send({ type: 'articles-changed' });
}

/** The module that reads the articles (src/data/content.ts); Vite invalidates what imports it too. */
const DATA_MODULE = fileURLToPath(new URL('../data/content.ts', import.meta.url));

export default function previewErrors(): AstroIntegration {
  return {
    name: 'broadsheet-preview-errors',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // The error stands until the content validates again: a page opened or reloaded meanwhile shows it too.
        let standing: PreviewPayload | undefined;
        (globalThis as Record<symbol, unknown>)[SLOT] = ((payload) => {
          if (payload.type === 'articles-changed') {
            for (const [name, environment] of Object.entries(server.environments)) {
              if (name === 'client') continue;
              for (const module of environment.moduleGraph.getModulesByFile(DATA_MODULE) ?? []) environment.moduleGraph.invalidateModule(module, undefined, Date.now(), true);
              if (!isRunnableDevEnvironment(environment)) continue;
              for (const evaluated of environment.runner.evaluatedModules.getModulesByFile(DATA_MODULE) ?? []) environment.runner.evaluatedModules.invalidateModule(evaluated);
            }
            payload = { type: 'full-reload', path: '*' };
          }
          standing = payload.type === 'error' ? payload : undefined;
          server.ws.send(payload);
        }) satisfies PreviewErrorSink;
        server.ws.on('vite:client:connect', (_data: unknown, client: { send: (payload: PreviewPayload) => void }) => {
          if (standing) client.send(standing);
        });
      },
    },
  };
}
