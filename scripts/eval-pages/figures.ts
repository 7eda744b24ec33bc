/**
 * The evaluation's figures, from mark lists and the oracle: marks inside and outside the article's text in each
 * mode, the share of article-mode marks inside it, and how many of the article's mentions article mode still marks.
 */
import type { Mark, Oracle } from './types';

export interface Split {
  inside: number;
  outside: number;
}

export interface PageFigures {
  /** Readability found an article; without one, no mark counts either way. */
  article: boolean;
  pageMode: Split;
  articleMode: Split;
  /** Marks on a page with no article, per mode. */
  unjudged: { page: number; article: number };
  /** Page-mode marks inside the article text, and how many of them article mode marks at the same place. */
  recall: { of: number; kept: number };
}

export interface Totals {
  pages: number;
  noArticle: number;
  pageMode: Split;
  articleMode: Split;
  unjudged: { page: number; article: number };
  recall: { of: number; kept: number };
  /** Article-mode marks inside / all article-mode marks on pages with an article; null with no marks. Target ≥ 0.90. */
  shareInside: number | null;
  /** The same share in page mode: where marks land when Gloss marks everything. */
  pageShareInside: number | null;
  /** recall.kept / recall.of; null when the article texts hold no marks. Target ≥ 0.97. */
  recallValue: number | null;
}

/** A mark's place: its text node and offsets (the same in two loads of a page whose DOM is the same). */
export const markKey = (mark: Pick<Mark, 'node' | 'start' | 'end'>) => `${mark.node}:${mark.start}:${mark.end}`;

/** The text nodes that are reading text by the oracle: Readability's content, plus headline, byline and standfirst. */
export function readingNodes(oracle: Oracle): Set<number> {
  return oracle.article ? new Set([...oracle.inside, ...oracle.apart]) : new Set();
}

/** A mark is inside when the text node it starts in is reading text. */
export const isInside = (mark: Mark, reading: ReadonlySet<number>) => mark.node >= 0 && reading.has(mark.node);

function split(marks: readonly Mark[], reading: ReadonlySet<number>): Split {
  const inside = marks.filter((mark) => isInside(mark, reading)).length;
  return { inside, outside: marks.length - inside };
}

export function pageFigures(oracle: Oracle, pageMarks: readonly Mark[], articleMarks: readonly Mark[]): PageFigures {
  if (!oracle.article) {
    const none = { inside: 0, outside: 0 };
    return {
      article: false,
      pageMode: none,
      articleMode: none,
      unjudged: { page: pageMarks.length, article: articleMarks.length },
      recall: { of: 0, kept: 0 },
    };
  }
  const reading = readingNodes(oracle);
  const kept = new Set(articleMarks.filter((mark) => isInside(mark, reading)).map(markKey));
  const wanted = pageMarks.filter((mark) => isInside(mark, reading));
  return {
    article: true,
    pageMode: split(pageMarks, reading),
    articleMode: split(articleMarks, reading),
    unjudged: { page: 0, article: 0 },
    recall: { of: wanted.length, kept: wanted.filter((mark) => kept.has(markKey(mark))).length },
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function totals(pages: readonly PageFigures[]): Totals {
  const sum = (pick: (figures: PageFigures) => number) => pages.reduce((n, figures) => n + pick(figures), 0);
  const page = { inside: sum((f) => f.pageMode.inside), outside: sum((f) => f.pageMode.outside) };
  const article = { inside: sum((f) => f.articleMode.inside), outside: sum((f) => f.articleMode.outside) };
  const recall = { of: sum((f) => f.recall.of), kept: sum((f) => f.recall.kept) };
  return {
    pages: pages.length,
    noArticle: pages.filter((f) => !f.article).length,
    pageMode: page,
    articleMode: article,
    unjudged: { page: sum((f) => f.unjudged.page), article: sum((f) => f.unjudged.article) },
    recall,
    shareInside: ratio(article.inside, article.inside + article.outside),
    pageShareInside: ratio(page.inside, page.inside + page.outside),
    recallValue: ratio(recall.kept, recall.of),
  };
}
