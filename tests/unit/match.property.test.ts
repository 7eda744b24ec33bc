import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/core/match';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

const bundle = buildBundle(loadKnowledge());
const matcher = createMatcher(bundle.index);
const surfaceForms = bundle.entities.flatMap((e) => e.aliases);

/** Words and separators a news page is made of, the knowledge's surface forms among them, and the odd invisible character. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...surfaceForms) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'the',
      'said',
      'Nawaz',
      'Rehman',
      'George',
      'State',
      'es',
      'Jr.',
      'US',
      'us',
      'PM',
      'Tuesday',
      'When',
      'IRAN',
      'DEAL',
      'SAYS',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', '\n', '-', '’s ', "'s ", '\u00A0', '\u00AD', '\u200B', ' — ', '(', ')') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const pageText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('on arbitrary text', () => {
  it('reports mentions in order, without overlaps, inside the text, each slicing back to its text', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        let previousEnd = 0;
        for (const mention of matcher.match(text)) {
          expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
          expect(mention.end).toBeGreaterThan(mention.start);
          expect(mention.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          previousEnd = mention.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shifts every mention, and changes nothing else, when unrelated lines come first', () => {
    const unrelated = fc.array(fc.constantFrom('The weather was mild.', 'Markets closed higher on Friday.', 'Read more', '12 comments'), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(pageText, unrelated, (text, lines) => {
        const prefix = `${lines.join('\n')}\n`;
        const shifted = matcher.match(prefix + text).map((m) => ({ ...m, start: m.start - prefix.length, end: m.end - prefix.length }));
        expect(shifted).toEqual(matcher.match(text));
      }),
      { numRuns: 1000 },
    );
  });
});
