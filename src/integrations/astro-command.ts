/**
 * Records which Astro command is running (dev, build, preview, sync), so the
 * data layer can show drafts in `astro dev` only. `import.meta.env.DEV` is not
 * enough: a build started with NODE_ENV=test or development has DEV set too,
 * and would publish drafts.
 */
import type { AstroIntegration } from 'astro';

export const ASTRO_COMMAND_VARIABLE = 'BROADSHEET_ASTRO_COMMAND';

export default function astroCommand(): AstroIntegration {
  return {
    name: 'broadsheet-astro-command',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env[ASTRO_COMMAND_VARIABLE] = command;
      },
    },
  };
}
