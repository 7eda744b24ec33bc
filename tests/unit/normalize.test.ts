import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, gapKind, tokenize, WORD } from '@/core/normalize';

describe('cutting text into words', () => {
  it('finds exactly the words the WORD pattern describes, on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(fc.constantFrom('Iran', ' ', 'Pe\u00ADzesh', '\u200B', 'é', 'e\u0301', '🇵🇰', '𝐀', '’s', '-', '\n', '12', '\uD800'), { maxLength: 30 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (value) => {
        const starts: number[] = [];
        const ends: number[] = [];
        tokenize(value, starts, ends);
        const expected = [...value.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
        expect(starts.map((start, i) => [start, ends[i]])).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('comparing words', () => {
  it.each([
    ['Tehrān', 'tehran'],
    ['Pe\u00ADzesh\u200Bkian', 'pezeshkian'],
    ['IRAN', 'iran'],
    ['Baluchestan', 'baluchestan'],
  ])('folds %s to %s', (word, key) => expect(foldKey(word)).toBe(key));

  it.each([
    [' ', 'space'],
    ['\u00A0', 'space'],
    ['-', 'space'],
    [' - ', 'space'],
    ['\u2013', 'space'],
    [' \u2013 ', null],
    ['. ', 'dot'],
    [', ', 'comma'],
    ['’', 'apostrophe'],
    ['\n', null],
    [' — ', null],
    ['(', null],
  ])('reads the gap %j as %s', (gap, kind) => expect(gapKind(gap)).toBe(kind));
});
