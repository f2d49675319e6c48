/**
 * The admin page's format for sections.yaml (SECTIONS_FORMAT, see
 * ./formats.ts): Decap's forms edit a file's fields, so the list at the top of
 * the file is read as the one field SECTIONS_LIST_FIELD and written back as a list.
 * Runs in the browser (src/browser/cms-admin.ts).
 */
import { dumpYaml, loadYaml } from '../content/yaml.ts';
import { SECTIONS_LIST_FIELD } from './formats.ts';

export function sectionsFromFile(text: string): Record<string, unknown> {
  return { [SECTIONS_LIST_FIELD]: loadYaml(text) ?? [] };
}

export function sectionsToFile(data: Record<string, unknown>): string {
  return dumpYaml(data[SECTIONS_LIST_FIELD] ?? []);
}
