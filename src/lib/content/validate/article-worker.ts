/**
 * Worker thread of the validator: checks article files alongside the thread
 * that started it (shared-work.ts). Loaded by Node directly (type stripping),
 * not by Vite: imports carry `.ts`.
 */
import { workerData } from 'node:worker_threads';
import { serveSharedWork } from './shared-work.ts';

await serveSharedWork(workerData, async () => (await import('./article-file.ts')).checkArticleFile);
