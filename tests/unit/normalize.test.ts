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

describe('tokenize', () => {
  const byPattern = (text: string) => [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
  const byTokenize = (text: string) => {
    const starts: number[] = [];
    const ends: number[] = [];
    tokenize(text, starts, ends);
    return starts.map((start, k) => [start, ends[k]]);
  };
  const pieces = ['a', 'Z', '9', ' ', '-', '\u00AD', '\u200B', 'é', '\u0301', '𝐀', '😀', '\ud835', '\udc00', 'ß', '中', "'", '\n'];

  it('cuts text exactly where WORD finds words, on letters, marks, invisible characters and surrogates of every kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...pieces) }), (text) => {
        expect(byTokenize(text)).toEqual(byPattern(text));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(byTokenize(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2_000 },
    );
  });
});
