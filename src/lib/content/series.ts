/**
 * Series: pieces an editor numbers as parts of one story (`series: { id, part }`
 * in the frontmatter; the series themselves in content/series.yaml).
 *
 * Two numberings meet here. The editor's: every part file, drafts, scheduled
 * and withdrawn parts included, numbered 1, 2, 3... with neither duplicates nor
 * gaps (the validator holds them to it, `numberingProblems`). And the reader's:
 * only the parts readers can see, in the editor's order, numbered again from 1
 * (`readerParts`). With every part out the two are the same; while part 3 is
 * scheduled, part 2 reads "Part 2 of 2" and says nothing of a piece that is not
 * out; a withdrawn part 2 leaves "Part 2 of 2" after part 1, never "Part 3"
 * after "Part 1" or a count that includes a piece readers cannot reach.
 */

/** One part as the editor numbered it. */
export interface NumberedPart {
  /** The `part` field. */
  part: number;
  /** Where it is written, for messages. */
  file: string;
}

export interface NumberingProblem {
  /** Index of the part (in the list given) the message belongs to. */
  index: number;
  message: string;
}

/** Duplicate part numbers and gaps in the editor's numbering of one series (all its part files). */
export function numberingProblems(seriesId: string, parts: readonly NumberedPart[]): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  const firstFileOf = new Map<number, string>();
  parts.forEach((part, index) => {
    const first = firstFileOf.get(part.part);
    if (first !== undefined) {
      problems.push({ index, message: `part ${part.part} of series "${seriesId}" is also ${first}; give each part its own number` });
    } else firstFileOf.set(part.part, part.file);
  });
  const numbers = [...firstFileOf.keys()].sort((a, b) => a - b);
  const listed = numbers.join(', ');
  numbers.forEach((number, position) => {
    const before = position === 0 ? 0 : numbers[position - 1]!;
    if (number === before + 1) return;
    const missing = number - before === 2 ? `part ${before + 1}` : `parts ${before + 1} to ${number - 1}`;
    const index = parts.findIndex((part) => part.part === number);
    problems.push({
      index,
      message: `series "${seriesId}" has no ${missing} before this part ${number} (its parts are ${listed}); number the parts 1, 2, 3... without gaps, or add the missing ${missing}`,
    });
  });
  return problems.sort((a, b) => a.index - b.index);
}

/** A part readers can see, with the number they read. */
export interface ReaderPart<T> {
  item: T;
  /** 1, 2, 3... among the parts readers can see. */
  number: number;
}

/** The parts readers can see, in the editor's order (then by `tieBreak`), numbered from 1. */
export function readerParts<T>(visible: readonly T[], partOf: (item: T) => number, tieBreak: (item: T) => string): ReaderPart<T>[] {
  return [...visible]
    .sort((a, b) => partOf(a) - partOf(b) || (tieBreak(a) < tieBreak(b) ? -1 : tieBreak(a) > tieBreak(b) ? 1 : 0))
    .map((item, index) => ({ item, number: index + 1 }));
}

/** Where one part stands among the parts readers can see: "Part 2 of 4", and its neighbours. */
export interface Placement<T> {
  number: number;
  of: number;
  previous?: T;
  next?: T;
}

export function placementOf<T>(parts: readonly ReaderPart<T>[], item: T): Placement<T> | undefined {
  const position = parts.findIndex((part) => part.item === item);
  if (position === -1) return undefined;
  const previous = parts[position - 1]?.item;
  const next = parts[position + 1]?.item;
  return { number: position + 1, of: parts.length, ...(previous !== undefined ? { previous } : {}), ...(next !== undefined ? { next } : {}) };
}

/** "Part 2 of 4". */
export function partLabel(number: number, of: number): string {
  return `Part ${number} of ${of}`;
}
