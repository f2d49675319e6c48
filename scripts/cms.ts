/**
 * npm run cms
 *
 * The CMS on this machine, without GitHub: starts Decap's local proxy
 * (decap-server), which reads and writes the files of this checkout, and the
 * preview (`astro dev`). /admin/ opened from localhost saves through the proxy
 * straight into content/; review the change with git, then commit it or open
 * a pull request as usual. Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCAL_PROXY_PORT } from '../src/lib/cms/config.ts';
import { contentFolderInRepository } from '../src/lib/cms/content-folder.ts';
import { contentDir as contentFolder } from '../src/lib/build-settings.ts';

const root = process.cwd();
const contentDir = contentFolder();
const folder = contentFolderInRepository(contentDir, root);
if (path.resolve(root, folder) !== path.resolve(root, contentDir)) {
  console.error(`the content folder ${contentDir} is outside ${root}; the CMS edits content inside the repository only`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const proxyScript = path.join(path.dirname(require.resolve('decap-server/package.json')), 'dist/index.js');
// What `npm run dev` runs.
const astroCommand = path.join(root, 'scripts/astro.ts');

const children: ChildProcess[] = [
  spawn(process.execPath, [proxyScript], {
    stdio: 'inherit',
    // Only this machine may reach the proxy: it writes files on request.
    env: { ...process.env, GIT_REPO_DIRECTORY: root, PORT: String(LOCAL_PROXY_PORT), BIND_HOST: '127.0.0.1', MODE: 'fs' },
  }),
  spawn(process.execPath, [astroCommand, 'dev'], { stdio: 'inherit', env: process.env }),
];

console.log(`\nThe CMS: http://localhost:4321/admin/ (saves into ${folder}/ through the proxy on port ${LOCAL_PROXY_PORT})\n`);

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
