import { describe, expect, it } from 'vitest';
import { findEmbedProblems } from '../../src/lib/content/embed-checks.ts';

describe('findEmbedProblems', () => {
  it('skips bodies without an embed, and accepts good ones', () => {
    expect(findEmbedProblems('Talks at 10:30, ratio:high.')).toEqual([]);
    expect(findEmbedProblems('Text.\n\n::embed[A chart]{url="https://datawrapper.dwcdn.net/AbC12/1/"}\n')).toEqual([]);
  });

  it('reports each problem at the line and column of its directive, naming the field', () => {
    const body = ['One.', '', '::embed[T]{url="https://video.example/1"}', '', '  ::embed{url="https://youtu.be/Xk3pL9qR2sT" ratio="7:3"}'].join('\n');
    expect(findEmbedProblems(body)).toEqual([
      { line: 3, column: 1, field: 'embed.url', severity: 'error', message: expect.stringContaining('is on video.example, which is not an embed provider') },
      { line: 5, column: 3, field: 'embed.title', severity: 'error', message: expect.stringContaining('is missing') },
      { line: 5, column: 3, field: 'embed.ratio', severity: 'error', message: expect.stringContaining('"7:3" is not one of the frame shapes') },
    ]);
  });

  it('warns about an embed inside a line of text, which readers see as text, and refuses a block', () => {
    expect(findEmbedProblems('See ::embed[T]{url="https://youtu.be/Xk3pL9qR2sT"} here.\n\nAnd :embed[T]{url="https://youtu.be/Xk3pL9qR2sT"}.')).toEqual([
      { line: 1, column: 5, field: 'embed', severity: 'warning', message: expect.stringContaining('inside a line of text') },
      { line: 3, column: 5, field: 'embed', severity: 'warning', message: expect.stringContaining('inside a line of text') },
    ]);
    expect(findEmbedProblems(':::embed{url="https://youtu.be/Xk3pL9qR2sT"}\nText\n:::')).toEqual([
      { line: 1, column: 1, field: 'embed', severity: 'error', message: expect.stringContaining('written as a block') },
    ]);
  });

  it('leaves embeds in code alone, and keeps a colon of the label in the title', () => {
    expect(findEmbedProblems('```\n::embed{url="javascript:alert(1)"}\n```\n\n`::embed{url="x"}`')).toEqual([]);
    expect(findEmbedProblems('::embed[Convoy at 06:10]{url="https://youtu.be/Xk3pL9qR2sT"}')).toEqual([]);
  });
});
