/**
 * Content errors in the preview's overlay, not only in the terminal: the content
 * loader runs outside any request, so Vite would not show what it throws. This
 * integration hands the loader a way to reach the browser (a process-wide slot:
 * the loader and this integration may be loaded as separate module instances).
 */
import type { AstroIntegration } from 'astro';

type PreviewPayload = { type: 'error'; err: { message: string; stack: string } } | { type: 'full-reload'; path: string };
type PreviewErrorSink = (payload: PreviewPayload) => void;

const SLOT = Symbol.for('broadsheet.preview-error-sink');

function send(payload: PreviewPayload): void {
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

export default function previewErrors(): AstroIntegration {
  return {
    name: 'broadsheet-preview-errors',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // The error stands until the content validates again: a page opened or reloaded meanwhile shows it too.
        let standing: PreviewPayload | undefined;
        (globalThis as Record<symbol, unknown>)[SLOT] = ((payload) => {
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
