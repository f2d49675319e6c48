/**
 * config.yml and sections.yaml as Decap CMS reads them in the browser: with
 * the `yaml` package its bundle is built with (decap-cms-core's own
 * dependency, not Broadsheet's) and the options of its config loader
 * (decap-cms-core/src/actions/config.ts).
 */
import { createRequire } from 'node:module';

const decapRequire = createRequire(createRequire(import.meta.url).resolve('decap-cms-core/package.json'));
const decapYaml = decapRequire('yaml') as { parse(text: string, options: Record<string, unknown>): unknown };

export function parseAsDecap(text: string): unknown {
  return decapYaml.parse(text, { maxAliasCount: -1, prettyErrors: true, merge: true });
}
