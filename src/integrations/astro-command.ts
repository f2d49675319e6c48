/**
 * Records which Astro command is running (dev, build, preview, sync), so the
 * data layer can show drafts in `astro dev` only. `import.meta.env.DEV` is not
 * enough: a build started with NODE_ENV=test or development has DEV set too,
 * and would publish drafts.
 *
 * It also gives every command but the preview a Vite cache folder of its own:
 * a build rewrote the dependencies Vite had optimized for the preview, and the
 * next `astro dev` optimized them again before its first page (2 to 3 s at
 * 10,000 articles: a first article page in 11.4 s after a build, 9.5 s without).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const ASTRO_COMMAND_VARIABLE = 'BROADSHEET_ASTRO_COMMAND';

export default function astroCommand(): AstroIntegration {
  return {
    name: 'broadsheet-astro-command',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        process.env[ASTRO_COMMAND_VARIABLE] = command;
        if (command !== 'dev') updateConfig({ vite: { cacheDir: fileURLToPath(new URL(`./node_modules/.vite/${command}/`, config.root)) } });
      },
    },
  };
}
