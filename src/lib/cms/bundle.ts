/**
 * Which files of the decap-cms package the site serves: the bundle, the
 * chunks and WebAssembly it loads on demand from beside itself, and its
 * licence notices. Source maps stay out (125 MB).
 */
import { CMS_BUNDLE_ENTRY } from './formats.ts';

const SERVED = [
  new RegExp(`^${CMS_BUNDLE_ENTRY.replace('.', '\\.')}$`),
  /^\d+\.decap-cms\.js$/,
  /^[0-9a-f]+\.wasm$/,
  /^decap-cms\.js\.LICENSE\.txt$/,
];

/** The names among a listing of the package's dist/ folder that /admin/ serves, sorted. */
export function servedBundleFiles(names: readonly string[]): string[] {
  return names.filter((name) => SERVED.some((pattern) => pattern.test(name))).sort();
}

/** Whether a request below the bundle's folder names a file the site serves (never a path elsewhere). */
export function isServedBundleFile(name: string): boolean {
  return !name.includes('/') && SERVED.some((pattern) => pattern.test(name));
}
