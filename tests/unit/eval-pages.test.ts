/** The real-pages evaluation's pure parts: figures from mark lists, the served charset, comparisons, `--where`. */
import { describe, expect, it } from 'vitest';
import { pageCharset } from '../../scripts/eval-pages/charset';
import { firstDifference, markDifference } from '../../scripts/eval-pages/compare';
import { pageFigures, totals } from '../../scripts/eval-pages/figures';
import { tellsTheSame, textSimilarity } from '../../scripts/eval-pages/similar';
import type { Mark, Oracle, Place } from '../../scripts/eval-pages/types';
import { classWords, summarizePlaces } from '../../scripts/eval-pages/where';

const mark = (node: number, start: number, text: string, kind = 'place'): Mark => ({
  kind,
  node,
  endNode: node,
  start,
  end: start + text.length,
  text,
});

/** Text nodes 10–12 are the article's body, 3 is the headline (found apart from Readability's content). */
const article: Oracle = {
  article: true,
  readerable: true,
  textNodes: 40,
  inside: [10, 11, 12],
  apart: [3],
  title: 'Talks in Islamabad',
  byline: '',
  articleChars: 900,
  foundByText: 0,
  lost: 0,
};
const noArticle: Oracle = { article: false, readerable: false, textNodes: 12 };

const headline = mark(3, 9, 'Islamabad');
const body = [mark(10, 0, 'Pakistan', 'country'), mark(11, 4, 'Islamabad'), mark(12, 20, 'Shehbaz Sharif', 'person')];
const menu = mark(30, 0, 'Pakistan', 'country');
const rail = mark(35, 2, 'Islamabad');

describe('figures of one page', () => {
  it.each([
    [
      'article mode keeps the article and drops the chrome',
      [headline, ...body, menu, rail],
      [headline, ...body],
      { pageMode: { inside: 4, outside: 2 }, articleMode: { inside: 4, outside: 0 }, recall: { of: 4, kept: 4 } },
    ],
    [
      'article mode that also drops a mention of the body loses recall',
      [headline, ...body, menu],
      [headline, body[0]!, body[2]!],
      { pageMode: { inside: 4, outside: 1 }, articleMode: { inside: 3, outside: 0 }, recall: { of: 4, kept: 3 } },
    ],
    [
      'a mark at another offset of the same text node is not the same mention',
      [body[1]!],
      [{ ...body[1]!, start: 5, end: 14 }],
      { pageMode: { inside: 1, outside: 0 }, articleMode: { inside: 1, outside: 0 }, recall: { of: 1, kept: 0 } },
    ],
    [
      'a mark outside any known text node counts as outside',
      [mark(-1, 0, 'Islamabad')],
      [mark(-1, 0, 'Islamabad')],
      { pageMode: { inside: 0, outside: 1 }, articleMode: { inside: 0, outside: 1 }, recall: { of: 0, kept: 0 } },
    ],
  ])('%s', (_what, pageMarks, articleMarks, expected) => {
    expect(pageFigures(article, pageMarks, articleMarks)).toEqual({ article: true, unjudged: { page: 0, article: 0 }, ...expected });
  });

  it('on a page with no article, counts marks neither inside nor outside', () => {
    expect(pageFigures(noArticle, [menu, rail], [menu])).toEqual({
      article: false,
      pageMode: { inside: 0, outside: 0 },
      articleMode: { inside: 0, outside: 0 },
      unjudged: { page: 2, article: 1 },
      recall: { of: 0, kept: 0 },
    });
  });
});

describe('totals', () => {
  it('add marks over pages, so a page with many marks weighs more than one with few', () => {
    const pages = [
      pageFigures(article, [headline, ...body, menu, rail], [headline, ...body, menu]),
      pageFigures(article, [body[0]!], []),
      pageFigures(noArticle, [menu], [menu]),
    ];
    expect(totals(pages)).toEqual({
      pages: 3,
      noArticle: 1,
      pageMode: { inside: 5, outside: 2 },
      articleMode: { inside: 4, outside: 1 },
      unjudged: { page: 1, article: 1 },
      recall: { of: 5, kept: 4 },
      shareInside: 0.8,
      pageShareInside: 5 / 7,
      recallValue: 0.8,
    });
  });

  it('have no share and no recall without marks', () => {
    expect(totals([pageFigures(article, [], [])])).toMatchObject({ shareInside: null, pageShareInside: null, recallValue: null });
  });
});

describe('the charset a saved page is served in', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  it.each([
    ['<meta charset>', bytes('<!doctype html><meta charset="utf-8"><p>x'), 'utf-8'],
    [
      '<meta http-equiv> in Shift_JIS',
      latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>'),
      'shift_jis',
    ],
    ['an unquoted EUC-JP label', latin1('<meta http-equiv=Content-Type content=text/html;charset=EUC-JP>'), 'euc-jp'],
    ['a declaration after a long inline script', bytes(`<head><script>${'x'.repeat(5000)}</script><meta charset="windows-1251">`), 'windows-1251'],
    ['an unknown label, then a known one', bytes('<meta charset="klingon"><meta charset="iso-8859-2">'), 'iso-8859-2'],
    ['UTF-16 declared in ASCII bytes', bytes('<meta charset="utf-16">'), 'utf-8'],
    ['a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('<meta charset="iso-8859-1">')]), 'utf-8'],
    ['an XML declaration', bytes('<?xml version="1.0" encoding="EUC-KR" ?><html>'), 'euc-kr'],
    ['nothing declared, valid UTF-8', bytes('<html><p>Café</p>'), 'utf-8'],
    ['nothing declared, not UTF-8', latin1('<html><p>Caf\u00e9</p>'), 'windows-1252'],
  ])('%s', (_what, page, expected) => {
    expect(pageCharset(page)).toBe(expected);
  });
});

describe('an element that tells the same as the title', () => {
  it.each([
    ['the same words in another case and punctuation', 'Talks resume in Islamabad', 'TALKS RESUME IN ISLAMABAD!', true],
    [
      'a headline without the site name of its title',
      'Talks resume in Islamabad after a long pause',
      'Talks resume in Islamabad after a long pause | Daily Example',
      true,
    ],
    ['another story on the same subject', 'Talks resume in Islamabad', 'Islamabad talks collapse as delegates leave early', false],
    ['a single word of the title', 'Talks resume in Islamabad', 'Islamabad', false],
    [
      'a headline with a long standfirst run on',
      'Talks resume in Islamabad',
      'Talks resume in Islamabad. Delegates from both sides met on Monday for the first time in a year',
      false,
    ],
  ])('%s', (_what, title, text, same) => {
    expect(tellsTheSame(title, text)).toBe(same);
  });

  it("measures as Readability does: the share of the second text's words found in the first", () => {
    expect(textSimilarity('Talks resume in Islamabad', 'Talks in Islamabad')).toBe(1);
    expect(textSimilarity('Talks in Islamabad', 'Talks resume in Islamabad')).toBeCloseTo(1 - 'resume'.length / 'talks resume in islamabad'.length);
    expect(textSimilarity('', 'Talks')).toBe(0);
  });
});

describe('comparisons', () => {
  it('find the first difference between two DOMs, with the text around it', () => {
    expect(firstDifference('<p>Islamabad</p>', '<p>Islamabad</p>')).toBeNull();
    expect(firstDifference('<p>Islamabad</p>', '<p><mark>Islamabad</mark></p>')).toEqual({
      at: 3,
      expected: '<p>Islamabad</p>',
      actual: '<p><mark>Islamabad</mark></p>',
      lengths: [16, 29],
    });
  });

  it('tell two mark lists apart by place and kind', () => {
    const asPerson = { ...body[1]!, kind: 'person' };
    expect(markDifference([headline, body[1]!], [body[1]!, headline])).toEqual({ onlyA: [], onlyB: [] });
    expect(markDifference([headline, body[1]!], [asPerson])).toEqual({ onlyA: [headline, body[1]!], onlyB: [asPerson] });
  });
});

describe('where outside marks land', () => {
  it.each([
    ['PromoXSmall-description', ['promo', 'small', 'description']],
    ['#mainNav', ['main', 'nav']],
    ['Fw(600)', []],
    ['related_stories', ['related', 'stories']],
    ['CNN', ['cnn']],
  ])('%s is made of the words %j', (token, words) => {
    expect(classWords(token)).toEqual(words);
  });

  const place = (landmark: string, container: string, tokens: string[], link = false): Place => ({
    landmark,
    container,
    link,
    heading: false,
    listItem: link,
    tokens,
  });
  it('count landmarks and containers, most first, and rank words by how much commoner they are outside than inside', () => {
    const outside = [
      place('nav', 'ul.menu', ['site-menu', 'content', 'grid'], true),
      place('nav', 'ul.menu', ['site-menu', 'content', 'grid'], true),
      place('footer', 'div.links', ['footer-links', 'grid']),
      place('(none)', 'div.related', ['related-menu', 'content', 'grid']),
    ];
    const inside = [place('article', 'p.body', ['story-body', 'content', 'grid']), place('(none)', 'div.related', ['content'])];
    expect(summarizePlaces(outside, inside)).toEqual({
      outside: 4,
      inside: 2,
      link: [2, 0],
      heading: [0, 0],
      listItem: [2, 0],
      landmarks: [
        ['nav', 2, 0],
        ['(none)', 1, 1],
        ['footer', 1, 0],
      ],
      shapes: [
        ['nav, link, list item', 2, 0],
        ['(none)', 1, 1],
        ['footer', 1, 0],
      ],
      containers: [
        ['ul.menu', 2],
        ['div.links', 1],
        ['div.related', 1],
      ],
      // "grid" is around every outside mark but also around half the inside ones; "content" is commoner inside.
      words: [
        ['menu', 3, 0],
        ['grid', 4, 1],
        ['site', 2, 0],
        ['footer', 1, 0],
        ['links', 1, 0],
        ['related', 1, 0],
      ],
    });
  });
});
