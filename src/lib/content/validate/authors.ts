/** Stage three: author profiles, `content/authors/<id>.md` (the file name is the id, the body the bio). */
import path from 'node:path';
import { CONTENT_LAYOUT } from '../content-files.ts';
import { authorSchema, photoPathProblem } from '../schema/index.ts';
import { slugFromFileName, slugProblem } from '../../urls.ts';
import { findBodyBlocks } from '../body-blocks.ts';
import { checkPhoto } from './photos.ts';
import type { AuthorRecord } from './records.ts';
import type { ValidationRun } from './run.ts';

export function checkAuthors(run: ValidationRun): AuthorRecord[] {
  const authors: AuthorRecord[] = [];
  const schema = authorSchema();
  for (const { relative, absolutePath, file, parsed, reporter } of run.markdownFiles(path.join(run.root, CONTENT_LAYOUT.authors), 'author profile')) {
    const id = slugFromFileName(relative);
    const idProblem = slugProblem(id);
    if (idProblem) reporter.atLine(1, 1, 'file', 'error', `name ${idProblem}; the file name is the author id`);
    const result = schema.safeParse(parsed.data);
    if (!result.success) reporter.zodIssues(result.error.issues, schema);
    if (parsed.body.trim() === '') {
      reporter.atLine(parsed.bodyLine - 1, 1, 'body', 'error', 'is empty; write the author bio under the frontmatter');
    }
    for (const block of findBodyBlocks(parsed.body, { features: false }).problems) {
      reporter.atLine(parsed.bodyLine + block.line - 1, block.column, block.field, block.severity, block.message);
    }
    const photo = parsed.data.photo as { src?: unknown } | undefined;
    if (photo && typeof photo === 'object' && typeof photo.src === 'string' && photoPathProblem(photo.src) === null) {
      checkPhoto(run, reporter, ['photo', 'src'], absolutePath, photo.src);
    }
    if (result.success) authors.push({ id, file, absolutePath, raw: parsed.data, data: result.data, body: parsed.body });
  }
  return authors;
}
