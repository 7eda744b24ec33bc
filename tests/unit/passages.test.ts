import { describe, expect, it } from 'vitest';
import { findPassage, passageProblem, readArticle } from '@/knowledge/passages';
import { encodeTerm, passageUrl } from '@/core/text-fragment';

/** A small article whose paragraphs share openings and endings, as news copy does. */
const ARTICLE = readArticle(
  [
    'Talks resume',
    'The minister said on Monday that the talks would resume in Doha, officials told reporters.',
    'The minister said on Tuesday that nothing had changed, officials told reporters.',
    '"We are ready," the envoy said. The minister\'s aides did not comment, she added.',
    'Officials told reporters.',
    "Marrow's office said on Monday that the plan would wait.",
    "Marrow's plan drew protests outside parliament on Friday, police said.",
  ].join('\n'),
);

describe('findPassage', () => {
  it.each([
    [1, { start: 'Talks resume' }],
    // The first match wins, so paragraph 2 owns the opening it shares with paragraph 3.
    [2, { start: 'The minister said on', end: 'Doha, officials told reporters' }],
    // Paragraph 3 needs a fifth word; its end is looked for after its start, so paragraph 2's same ending is no rival.
    [3, { start: 'The minister said on Tuesday', end: 'changed, officials told reporters' }],
    // Quote marks are left out (pages write them straight or curly), even if that makes a term shorter.
    [4, { start: 'We are ready', end: 'not comment, she added' }],
    // A possessive opening the paragraph is left out of the start, which then begins at the next word: a term
    // holding the apostrophe might not match a page that writes it curly.
    [6, { start: 'office said on Monday', end: 'the plan would wait' }],
    // "Marrow's" also opens paragraph 6, which would own it: the first word after it starts paragraph 7's.
    [7, { start: 'plan drew protests outside', end: 'on Friday, police said' }],
  ])('paragraph %i → %o', (paragraph, expected) => {
    expect(findPassage(ARTICLE, paragraph)).toEqual({ paragraph, ...expected });
  });

  // Every word of "Officials told reporters." first occurs in paragraph 2.
  it('says which paragraph has no unique words', () => {
    expect(() => findPassage(ARTICLE, 5)).toThrow('paragraph 5');
  });
});

describe('passageProblem', () => {
  it.each([
    [{ paragraph: 3, start: 'The minister said' }, 'first occurs outside paragraph 3'],
    [{ paragraph: 2, start: 'The minister said on Monday', end: 'nothing had changed' }, 'first occurs after paragraph 2'],
    [{ paragraph: 2, start: 'minister sai' }, 'is not in the article'],
    [{ paragraph: 9, start: 'Talks' }, 'no paragraph 9'],
    [{ paragraph: 2, start: 'THE MINISTER SAID ON MONDAY' }, null],
  ])('%o → %s', (passage, problem) => {
    const found = passageProblem(ARTICLE, passage);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('passageUrl', () => {
  it.each([
    ['a start alone', { start: 'Talks resume' }, 'https://example.org/a-1#:~:text=Talks%20resume'],
    [
      'a start and an end',
      { start: 'The US-Pakistan deal', end: 'she said, too' },
      'https://example.org/a-1#:~:text=The%20US%2DPakistan%20deal,she%20said%2C%20too',
    ],
    [
      'an ampersand and non-ASCII letters',
      { start: 'Sistan & Baluchestan', end: '€8.6 billion' },
      'https://example.org/a-1#:~:text=Sistan%20%26%20Baluchestan,%E2%82%AC8.6%20billion',
    ],
  ])('encodes %s per the Text Fragments spec', (_what, passage, url) => {
    expect(passageUrl('https://example.org/a-1#top', passage)).toBe(url);
  });

  it('leaves no character that the directive reserves unescaped in a term', () => {
    expect(encodeTerm('a-b,c&d')).toBe('a%2Db%2Cc%26d');
  });
});
