import { describe, expect, it } from 'vitest';
import { photoCreditLine, republishCreditLine } from '../../src/lib/media/credits.ts';

describe('credit lines', () => {
  it('joins caption and credit after "Top photo credit:"', () => {
    expect(photoCreditLine({ caption: 'Tankers wait off Fujairah', credit: 'Jane Doe/Reuters' })).toBe(
      'Top photo credit: Tankers wait off Fujairah. Jane Doe/Reuters',
    );
    expect(photoCreditLine({ caption: 'Who pays?', credit: 'AlexLMX/Shutterstock' })).toBe('Top photo credit: Who pays? AlexLMX/Shutterstock');
    expect(photoCreditLine({ credit: 'Pool via Reuters' })).toBe('Top photo credit: Pool via Reuters');
  });
  it('names the outlet, and the author when there is one', () => {
    expect(republishCreditLine({ outlet: 'The Harbor Quarterly' })).toBe('This article was republished with permission by The Harbor Quarterly.');
    expect(republishCreditLine({ outlet: 'The Harbor Quarterly', author: 'Ada Ferrer' })).toBe(
      'This article was republished with permission by Ada Ferrer, The Harbor Quarterly.',
    );
  });
});
