/**
 * Removes a pull request's preview (`<prefix>/previews/pr-<number>/`) from
 * the store when the pull request closes: every object under exactly that
 * prefix, its manifest last, so that a removal cut short is finished by the
 * next one. Any other target is refused before anything is listed.
 */
import { allPaths, type Cdn } from './cdn.ts';
import { DeployError } from './run.ts';
import type { DeleteFailure, ObjectStore } from './store.ts';
import { MANIFEST_PATH, describeTarget, isPreviewTarget, objectKey, type DeployTarget } from './target.ts';

export interface RemovePreviewOptions {
  target: DeployTarget;
  store: ObjectStore;
  dryRun?: boolean;
  /** Told to drop everything under the preview's address once its objects are gone. */
  cdn?: Cdn;
}

export interface RemovePreviewResult {
  dryRun: boolean;
  /** The keys deleted (or, in a dry run, that would be). */
  keys: string[];
  /** The CDN invalidation, when one was asked for and made. */
  invalidation?: { cdn: string; id: string; paths: string[] };
}

export async function removePreview(options: RemovePreviewOptions): Promise<RemovePreviewResult> {
  const { target, store } = options;
  const dryRun = options.dryRun ?? false;
  if (!isPreviewTarget(target)) {
    throw new DeployError(
      `refusing to remove ${describeTarget(target)}: only a pull request's preview (<prefix>/previews/pr-<number>) can be removed`,
    );
  }
  const folder = `${target.prefix}/`;
  const manifestKey = objectKey(target, MANIFEST_PATH);
  const listed = (await store.list(folder)).map((object) => object.key).filter((key) => key.startsWith(folder));
  const keys = [...listed.filter((key) => key !== manifestKey).sort(), ...listed.filter((key) => key === manifestKey)];
  if (dryRun || keys.length === 0) return { dryRun, keys };
  const pages = keys.filter((key) => key !== manifestKey);
  const failed: DeleteFailure[] = pages.length > 0 ? (await store.delete(pages)).failed : [];
  if (failed.length === 0 && listed.includes(manifestKey)) failed.push(...(await store.delete([manifestKey])).failed);
  if (failed.length > 0) {
    const shown = failed.slice(0, 3).map((failure) => `${failure.key} (${failure.error})`);
    throw new DeployError(
      `${failed.length} of the preview's ${keys.length} objects could not be deleted: ${shown.join(', ')}${failed.length > 3 ? ' and more' : ''}. ` +
        'Run the removal again; it deletes whatever is left under the prefix.',
      true,
    );
  }
  const result: RemovePreviewResult = { dryRun, keys };
  if (options.cdn) {
    const paths = [allPaths(target.urlPath)];
    const { id } = await options.cdn.invalidate(
      paths,
      `broadsheet-remove-${target.prefix.replace(/[^A-Za-z0-9-]/g, '-')}-${new Date().toISOString()}`,
    );
    result.invalidation = { cdn: options.cdn.description, id, paths };
  }
  return result;
}
