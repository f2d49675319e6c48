/**
 * Every open preview page ends on the newest save, even when it missed the message that told it
 * to reload (why and how: src/lib/preview-reloads.ts). The preview only: a build ships no script
 * and no `Server-Timing` from here.
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { ASK_RELOADS_EVENT, RELOADS_EVENT, isFullReload, reloadsTimingHeader, type ReloadsAnswer } from '../lib/preview-reloads.ts';

/** Counts the reloads sent to pages. Vite's, Astro's and the content loader's all go through the client socket's `send` (environments.client.hot is the same object). */
function countReloads(server: ViteDevServer): () => number {
  let count = 0;
  const send = server.ws.send.bind(server.ws) as (...args: unknown[]) => void;
  server.ws.send = ((...args: unknown[]) => {
    if (isFullReload(args[0])) count++;
    send(...args);
  }) as ViteDevServer['ws']['send'];
  return () => count;
}

export default function previewReloads(): AstroIntegration {
  return {
    name: 'broadsheet-preview-reloads',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', `import ${JSON.stringify(new URL('../browser/preview-reload-check.ts', import.meta.url).pathname)};`);
      },
      'astro:server:setup': ({ server }) => {
        const reloads = countReloads(server);
        // Stamped when the request arrives, before the page reads any content: a page stamped
        // with the count after a reload was requested after that reload's content was in place.
        server.middlewares.use((request, response, next) => {
          if (request.headers.accept?.includes('text/html')) response.setHeader('Server-Timing', reloadsTimingHeader(reloads()));
          next();
        });
        server.ws.on(ASK_RELOADS_EVENT, (_data: unknown, client: { send: (event: string, data: ReloadsAnswer) => void }) => {
          client.send(RELOADS_EVENT, { count: reloads() });
        });
      },
    },
  };
}
