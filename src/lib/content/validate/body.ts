/** The body of an article or site page: empty, unsafe addresses, swallowing tags, a cut-off ending, embeds; `npm run new`'s hints. */
import type { z } from 'zod';
import type { Severity } from '../diagnostics.ts';
import type { ParsedSource } from '../frontmatter.ts';
import { findSwallowingTags, findUnfinishedEnding, findUnsafeBodyUrls } from '../body-checks.ts';
import { findEmbedProblems } from '../embed-checks.ts';
import { isWithin, type HintAt } from '../placeholders.ts';
import type { FileReporter } from './reporter.ts';

/** `holdsHints`: the body still holds `npm run new`'s hints, so it is unwritten rather than cut off. */
export function checkBody(reporter: FileReporter, parsed: ParsedSource, what: 'article' | 'page' = 'article', holdsHints = false): void {
  if (parsed.body.trim() === '') {
    // Pointing at the closing "---": the text belongs right under it.
    reporter.atLine(parsed.bodyLine - 1, 1, 'body', 'error', `is empty; write the ${what} under the frontmatter`);
    return;
  }
  for (const unsafe of findUnsafeBodyUrls(parsed.body)) {
    reporter.atLine(parsed.bodyLine + unsafe.line - 1, unsafe.column, 'body', 'error', unsafe.message);
  }
  for (const tag of findSwallowingTags(parsed.body)) {
    reporter.atLine(parsed.bodyLine + tag.line - 1, tag.column, 'body', tag.severity, tag.message);
  }
  // Site pages may end in an address or a list of contacts; an article ends on a sentence.
  const unfinished = what === 'article' && !holdsHints ? findUnfinishedEnding(parsed.body) : null;
  if (unfinished) {
    reporter.atLine(
      parsed.bodyLine + unfinished.line - 1,
      1,
      'body',
      'warning',
      `ends mid-sentence ("...${unfinished.tail}"); finish the last sentence, or check that the end of the piece was not cut off`,
    );
  }
  for (const embed of findEmbedProblems(parsed.body)) {
    reporter.atLine(parsed.bodyLine + embed.line - 1, embed.column, embed.field, embed.severity, embed.message);
  }
}

/** Zod's issues about fields that hold a hint are the hint's own message's business. */
export function withoutHints(issues: readonly z.core.$ZodIssue[], hints: readonly HintAt[]): z.core.$ZodIssue[] {
  return issues.filter((issue) => !hints.some((hint) => isWithin(issue.path, hint.path)));
}

/** Hints from `npm run new`: a warning in a draft (which is then not loaded), an error in a piece meant for readers. */
export function reportHints(reporter: FileReporter, parsed: ParsedSource, hints: readonly HintAt[], bodyHints: readonly { line: number; text: string }[]): void {
  const draft = parsed.data.draft === true;
  const severity: Severity = draft ? 'warning' : 'error';
  const todo = draft
    ? 'replace it before publishing; the preview shows this draft once no hint is left'
    : 'replace it, or set draft: true until the piece is ready';
  for (const hint of hints) reporter.at(hint.path, severity, `still holds the hint "[[${hint.text}]]"; ${todo}`);
  for (const hint of bodyHints) reporter.atLine(parsed.bodyLine + hint.line - 1, 1, 'body', severity, `still holds the hint "[[${hint.text}]]"; ${todo}`);
}
