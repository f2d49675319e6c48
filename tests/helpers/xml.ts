/**
 * Strict XML well-formedness, namespaces included: saxes stops at the first
 * error an XML 1.0 processor must report (an undeclared prefix such as
 * `media:` without xmlns:media, an unescaped "&", a stray control character).
 */
import { SaxesParser } from 'saxes';

/** The first well-formedness error of `xml`, or null when there is none. */
export function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let error: string | null = null;
  parser.on('error', (problem) => {
    error ??= problem.message;
  });
  parser.write(xml).close();
  return error;
}
