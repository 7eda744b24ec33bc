import { describe, expect, it } from 'vitest';
import { attributeQuotes, findQuotes } from '@/scripts/knowledge-draft/attribution';

/** Each quote of the paragraph as [quoted words, how it is attributed, the words that name the speaker, pronoun]. */
function read(paragraph: string) {
  return attributeQuotes(paragraph).map((a) => [a.text, a.via, a.slot ? paragraph.slice(a.slot.start, a.slot.end) : null, a.pronoun ?? null]);
}

describe('attributeQuotes', () => {
  it.each([
    ['"…," X said', '"We will win the vote," Ana Ruiz said.', [['We will win the vote', 'after', 'Ana Ruiz', null]]],
    [
      '"…," said X of the Y',
      '"We will win the vote," said Ana Ruiz of the Green Party.',
      [['We will win the vote', 'after', 'Ana Ruiz of the Green Party', null]],
    ],
    [
      '"…," X, an apposition, told DW',
      '"Prices will rise," Lena Berg, an economist at the Nordic Institute, told DW.',
      [['Prices will rise', 'after', 'Lena Berg, an economist at the Nordic Institute', null]],
    ],
    [
      'X said: "…" over two sentences',
      'Ana Ruiz said: "We will win. Nobody doubts it."',
      [['We will win. Nobody doubts it.', 'before', 'Ana Ruiz', null]],
    ],
    ['X told DW "…"', 'Ruiz told DW "the count is close."', [['the count is close.', 'before', 'Ruiz', null]]],
    ['according to X, "…"', 'According to Ruiz, "the count is close."', [['the count is close.', 'according-to', 'Ruiz', null]]],
    [
      'X believes that "…"',
      'Trade lawyer Tomas Vale believes that "the deal will hold for years."',
      [['the deal will hold for years.', 'before', 'Trade lawyer Tomas Vale', null]],
    ],
    [
      'a quote going on after its attribution, curly marks',
      '\u201CHelp is on its way,\u201D she said. \u201CMore will follow.\u201D',
      [
        ['Help is on its way', 'after', 'she', 'she'],
        ['More will follow.', 'continues', null, null],
      ],
    ],
    [
      'a quote split by its attribution',
      '"Yes," he added, "and sooner than you think."',
      [
        ['Yes', 'after', 'he', 'he'],
        ['and sooner than you think.', 'before', 'he', 'he'],
      ],
    ],
    [
      'a subordinate clause before the subject',
      'Though the vote is a month away, she said "some members" had changed their minds.',
      [['some members', 'before', 'she', 'she']],
    ],
    [
      'the speech verb nearest a quote that follows it',
      'When she said no, Oskar Lind told her: "Then we wait."',
      [['Then we wait.', 'before', 'Oskar Lind', null]],
    ],
    [
      'a pronoun right before the verb',
      'He said the talks failed, and explained that he believed the rules "favour the strong."',
      [['favour the strong.', 'before', 'He said the talks failed, and explained that he', 'he']],
    ],
    [
      'the subject of a sentence that holds a long quote without a speech verb',
      'Norway nominated the envoy for the award "for her patient work between the two sides," but the jury declined.',
      [['for her patient work between the two sides', 'subject', 'Norway nominated the envoy for the award', null]],
    ],
    ['a scare quote is no one\u2019s words', 'The so-called "lithium triangle" spans three countries.', [['lithium triangle', 'none', null, null]]],
    ['initials are no sentence end', '"It is done," Donald J. Trump said.', [['It is done', 'after', 'Donald J. Trump', null]]],
  ])('%s', (_pattern, paragraph, expected) => {
    expect(read(paragraph)).toEqual(expected);
  });
});

describe('findQuotes', () => {
  it('keeps a quote with no closing mark open to the next paragraph', () => {
    const paragraph = '"The climate has changed, and the defences have not.';
    expect(findQuotes(paragraph)).toEqual([{ start: 1, end: paragraph.length, markStart: 0, markEnd: paragraph.length, open: true }]);
  });

  it.each([
    ['straight', 'She said "yes" twice.', 'yes'],
    ['curly', 'She said \u201Cyes\u201D twice.', 'yes'],
    ['low-high', 'Sie sagte \u201Eja\u201C zweimal.', 'ja'],
    ['guillemets', 'Elle a dit \u00ABoui\u00BB deux fois.', 'oui'],
  ])('reads %s quotation marks', (_kind, paragraph, quoted) => {
    expect(findQuotes(paragraph).map((q) => paragraph.slice(q.start, q.end))).toEqual([quoted]);
  });

  it('takes an apostrophe for no quotation mark', () => {
    expect(findQuotes("Pakistan's minister and the farmers' union met.")).toEqual([]);
  });
});
