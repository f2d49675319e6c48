/** Photo files named by frontmatter (`hero.src`, an author's `photo.src`) and by body figures (`::figure{src}`). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../diagnostics.ts';
import type { ParsedSource } from '../frontmatter.ts';
import { imageFileProblem, isInside } from '../image-files.ts';
import { PHOTO_EXTENSIONS, photoPathProblem } from '../schema/index.ts';
import { closestName } from '../zod-issues.ts';
import { findBodyBlocks } from '../body-blocks.ts';
import type { FileReporter } from './reporter.ts';
import type { ValidationRun } from './run.ts';

/** A photo file as a check read it: a change of size or time checks the pieces that show it again. */
export interface PhotoStat {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Checks a photo path; returns the file it names when that is inside the content folder. */
export function checkPhoto(run: ValidationRun, reporter: FileReporter, fieldPath: (string | number)[], markdownFile: string, src: string): string | undefined {
  const { target, problem } = photoFileProblem(run, markdownFile, src);
  if (problem) reporter.at(fieldPath, problem.severity, problem.message);
  return target;
}

/** What is wrong with the photo file `src` names from `markdownFile`, if anything; `target` when it lies inside the content folder. */
function photoFileProblem(run: ValidationRun, markdownFile: string, src: string): { target?: string; problem?: { severity: Severity; message: string } } {
  const { root, shown } = run;
  const target = path.resolve(path.dirname(markdownFile), src);
  if (!isInside(root, target)) {
    return { problem: { severity: 'error', message: `"${src}" points outside the content folder; keep photos under ${shown(root)}/` } };
  }
  const facts = run.images.get(target);
  const problem = imageFileProblem(facts, shown(target));
  if (problem && !facts.exists) {
    const suggestion = closestPhoto(markdownFile, target, root);
    if (suggestion) problem.message = `file "${shown(target)}" does not exist; did you mean "${suggestion}"?`;
  }
  return problem ? { target, problem } : { target };
}

/** The existing photo whose name is closest to a missing one, written as the path to give: its folder's photos, or content/images/ when the folder is wrong. */
function closestPhoto(markdownFile: string, target: string, root: string): string | undefined {
  const photosIn = (dir: string) => {
    try {
      return readdirSync(dir).filter((name) => PHOTO_EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? ''));
    } catch {
      return [];
    }
  };
  const name = path.basename(target);
  for (const dir of [path.dirname(target), path.join(root, 'images')]) {
    const match = closestName(name, photosIn(dir));
    if (match) return path.relative(path.dirname(markdownFile), path.join(dir, match)).split(path.sep).join('/');
  }
  return undefined;
}

/** Block directives and images of a body, with each figure's file checked; returns the figures whose attributes are complete. */
export function checkBodyBlocks(run: ValidationRun, reporter: FileReporter, parsed: ParsedSource, markdownFile: string): { src: string; target?: string }[] {
  const blocks = findBodyBlocks(parsed.body);
  for (const block of blocks.problems) reporter.atLine(parsed.bodyLine + block.line - 1, block.column, block.field, block.severity, block.message);
  return blocks.figures.map((figure) => {
    const line = parsed.bodyLine + figure.line - 1;
    const pathProblem = photoPathProblem(figure.src);
    if (pathProblem) {
      reporter.atLine(line, figure.column, 'figure.src', 'error', pathProblem);
      return { src: figure.src };
    }
    const { target, problem } = photoFileProblem(run, markdownFile, figure.src);
    if (problem) reporter.atLine(line, figure.column, 'figure.src', problem.severity, problem.message);
    return target ? { src: figure.src, target } : { src: figure.src };
  });
}

/** Size and time of a file, looked up once per validation run: many pieces share a photo. */
export function fileStat(file: string, seen: Map<string, { size: number; mtimeMs: number }>): { size: number; mtimeMs: number } {
  let stat = seen.get(file);
  if (!stat) {
    try {
      const { size, mtimeMs } = statSync(file);
      stat = { size, mtimeMs };
    } catch {
      stat = { size: -1, mtimeMs: -1 };
    }
    seen.set(file, stat);
  }
  return stat;
}

/** Whether every photo a check read is as it was then. */
export function photosUnchanged(photos: readonly (PhotoStat | undefined)[], seen: Map<string, { size: number; mtimeMs: number }>): boolean {
  return photos.every((photo) => {
    if (!photo) return true;
    const now = fileStat(photo.path, seen);
    return now.size === photo.size && now.mtimeMs === photo.mtimeMs;
  });
}
