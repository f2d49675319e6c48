import { describe, expect, it } from 'vitest';
import { kickerLabel, kickerSectionName, listKicker, moreFromSectionHeading, sectionLabel } from '../../src/lib/presentation/article-labels.ts';

const middleEast = { kind: 'section' as const, name: 'Middle East' };
const signal = { kind: 'short-takes' as const, name: 'Signal', label: 'SIGNAL' };

describe('labels of sections and short-takes brands', () => {
  it('calls a section by its name and a brand by its label', () => {
    expect(sectionLabel(middleEast)).toBe('Middle East');
    expect(sectionLabel(signal)).toBe('SIGNAL');
    expect(sectionLabel({ kind: 'short-takes', name: 'Signal' })).toBe('Signal');
  });

  it('writes a kicker as type and section, or as the brand label alone', () => {
    expect([kickerLabel('analysis', middleEast), kickerSectionName(middleEast)]).toEqual(['Analysis', 'Middle East']);
    expect([kickerLabel('short-take', signal), kickerSectionName(signal)]).toEqual(['SIGNAL', undefined]);
  });

  it('puts a kicker over a brand\'s list pages only', () => {
    expect(listKicker(signal)).toBe('SIGNAL');
    expect(listKicker(middleEast)).toBeUndefined();
    // The label is for brands (content/sections.yaml); a regular section keeps its name alone.
    expect(listKicker({ ...middleEast, label: 'MIDEAST' })).toBeUndefined();
  });

  it('heads the fill of a thin related rail with the section label', () => {
    expect(moreFromSectionHeading(sectionLabel(signal))).toBe('More from SIGNAL');
  });
});
