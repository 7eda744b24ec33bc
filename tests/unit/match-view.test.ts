import { describe, expect, it } from 'vitest';
import { TokenView } from '@/core/match-view';

/** The word of `text` that starts at the first occurrence of `word`. */
function wordAt(view: TokenView, word: string): number {
  const k = view.starts.indexOf(view.text.indexOf(word));
  if (k < 0) throw new Error(`no word "${word}" in "${view.text}"`);
  return k;
}

describe('a line in Title Case', () => {
  it.each<[string, string, boolean]>([
    ['a headline', 'Trump Praises Sharif After Visit', true],
    ['a headline with short lower-case words', 'Sharif Meets Leaders of the Gulf in Riyadh', true],
    ['a sentence', 'Sharif met the leaders of the Gulf in Riyadh.', false],
    ['too few words to tell', 'Sharif Visit', false],
    ['a credit line', '(Reporting by Sharif Rind; Editing by Tom Hargreaves)', false],
    ['only its own line counts', 'the talks went on and on for days\nSharif Praises Riyadh Talks', true],
    ['four capitalised words in five are enough', 'Sharif Praises Riyadh Talks quietly', true],
    ['three in five are not', 'Sharif praises Riyadh Talks quietly', false],
  ])('%s', (_what, text, expected) => {
    const view = new TokenView(text);
    expect(view.isTitleCaseLine(view.starts[wordAt(view, 'Sharif')])).toBe(expected);
  });
});

describe('a run of words in capitals', () => {
  it.each<[string, string, string, boolean]>([
    ['three words', 'TRUMP PRAISES ISLAMABAD', 'TRUMP', true],
    ['through curly quotes', 'SHARIF PROMISES ‘NO SAFE HAVENS’', 'SHARIF', true],
    ['two words are no run', 'BLA CLAIMS attack', 'BLA', false],
    ['a dateline and one acronym are two words', 'WASHINGTON: US officials met', 'US', false],
    ['one-letter words do not count', 'A US I', 'US', false],
    ['a word not in capitals', 'Us PRAISES ISLAMABAD', 'Us', false],
  ])('%s', (_what, text, word, expected) => {
    const view = new TokenView(text);
    const k = wordAt(view, word);
    expect(view.inShoutingRun(k, k)).toBe(expected);
  });
});

describe('a capitalised neighbour that reads as part of another name', () => {
  it.each<[string, string, string, boolean]>([
    ['a given name', 'Nawaz Sharif', 'Nawaz', true],
    ['a word that stands beside names', 'When Sharif', 'When', false],
    ['a title', 'PM Sharif', 'PM', false],
    ['a weekday', 'Tuesday Sharif', 'Tuesday', false],
    ['a lower-case word', 'brother Sharif', 'brother', false],
    ['across a comma', 'Nawaz, Sharif', 'Nawaz', false],
  ])('%s', (_what, text, word, expected) => {
    const view = new TokenView(text);
    const k = wordAt(view, word);
    expect(view.isNameNeighbour(k, view.gapAfter(k))).toBe(expected);
  });

  it('never reaches back into a mark already taken', () => {
    const view = new TokenView('Nawaz Sharif');
    view.taken = 0;
    expect(view.isNameNeighbour(0, view.gapAfter(0))).toBe(false);
  });
});
