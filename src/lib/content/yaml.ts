/**
 * YAML as Broadsheet reads and writes it, with the one YAML library (js-yaml):
 * the content files (site.yaml, sections.yaml, series.yaml, frontmatter, which
 * gray-matter hands to `loadYaml`), the CMS's config.yml and the CMS's own
 * sections.yaml format in the browser (src/browser/cms-admin.ts).
 */
import yaml, { type EventType, type State } from 'js-yaml';

export const YamlError = yaml.YAMLException;

/** Called as js-yaml enters ('open') and leaves ('close') each node; see ./yaml-locate.ts. */
export type YamlListener = (event: EventType, state: State) => void;

/**
 * Parses YAML with the core schema: no YAML timestamps, so `2026-10-14` stays the
 * editor's text and the content schema reads it in the publication's time zone
 * instead of UTC. Throws a `YamlError` whose `mark` gives the 0-based line and column.
 */
export function loadYaml(text: string, listener?: YamlListener): unknown {
  return yaml.load(text, listener ? { schema: yaml.CORE_SCHEMA, listener } : { schema: yaml.CORE_SCHEMA });
}

/**
 * Writes data as block-style YAML, each value on one line however long, no
 * anchors for objects used twice (every reader sees each value where it is used);
 * strings that would read back as another type (`"true"`, `"12"`, `"yes"`) are quoted.
 */
export function dumpYaml(value: unknown): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true });
}
