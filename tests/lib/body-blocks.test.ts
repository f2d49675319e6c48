import { describe, expect, it } from 'vitest';
import { findBodyBlocks } from '../../src/lib/content/body-blocks.ts';
import { KNOWN_BLOCK_DIRECTIVES } from '../../src/lib/content/block-directives.ts';

const figure = (attributes: string, caption = 'A caption') => `::figure[${caption}]{${attributes}}`;
const complete = 'src="../../images/map.jpg" alt="A map" credit="Map by Meridian Studio"';

describe('block directives and images in a body', () => {
  it('skips bodies without any, and prose colons are never directives', () => {
    expect(findBodyBlocks('The talks resumed at 10:30, ratio:high.\n')).toEqual({ problems: [], figures: [] });
  });

  it('hands over complete figures with their line, wherever they stand', () => {
    const body = ['Intro.', '', figure(complete), '', '> ' + figure(complete), '', '- item', '', '  ' + figure(complete)].join('\n');
    const { problems, figures } = findBodyBlocks(body);
    expect(problems).toEqual([]);
    expect(figures.map((f) => [f.src, f.line])).toEqual([
      ['../../images/map.jpg', 3],
      ['../../images/map.jpg', 5],
      ['../../images/map.jpg', 9],
    ]);
  });

  it('ignores directives and images in code', () => {
    expect(findBodyBlocks('```\n::chart[x]\n![a](b.png)\n```\n\n`::chart`\n').problems).toEqual([]);
  });

  it('reports every missing attribute and unknown one at the directive', () => {
    const { problems, figures } = findBodyBlocks(`Text.\n\n${figure('src="a.jpg" captoin="x"')}\n`);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'figure.captoin'],
      [3, 'figure.alt'],
      [3, 'figure.credit'],
    ]);
    expect(figures).toHaveLength(1);
  });

  it('lists the known names for an unknown one, and suggests the nearest', () => {
    const [problem] = findBodyBlocks(':::asides\nText.\n:::\n').problems;
    expect(problem!.message).toContain('did you mean "aside"');
    for (const name of KNOWN_BLOCK_DIRECTIVES) expect(problem!.message).toContain(name);
  });

  it('accepts a pull quote of the text, and warns about one that is not', () => {
    const body = 'He said "the port is closed" and left.\n\n::pullquote["The port is closed"]\n\n::pullquote[The port will reopen]\n';
    expect(findBodyBlocks(body).problems.map((p) => [p.line, p.severity])).toEqual([[5, 'warning']]);
  });

  it('refuses every block directive in an author bio', () => {
    expect(findBodyBlocks(':::aside\nText.\n:::\n', { features: false }).problems[0]!.message).toContain('author bio');
  });
});
