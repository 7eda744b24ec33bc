/**
 * A text cut into words once, with the questions the matching rules ask about its words. The matcher builds one
 * per text it matches; the rules read it and never cut the text again.
 */
import { NOT_A_NAME } from './name-context';
import { foldKey, isAllCaps, isSpaceOnly, startsUpper, tokenize } from './normalize';
import { SHOUTING_RUN_WORDS, TITLE_CASE_MIN_WORDS, TITLE_CASE_SHARE, TITLE_CASE_WINDOW, TITLE_CASE_WORD_LETTERS } from './match-thresholds';
import type { Words } from './types';

/** What may stand between two words of a shouting headline: spaces, dashes, quotes, light punctuation. */
const RUN_GAP = /^[ \t\u00A0\-\u2010-\u2014'\u2018-\u201E,.:;"!?&]{1,4}$/;
const TITLE_WORD = new RegExp(`\\p{L}{${TITLE_CASE_WORD_LETTERS},}`, 'gu');
/** A list of names reads like Title Case too ("(Reporting by Sharif Rind; Editing by …)"); headlines don't hold ";" or "(". */
const NOT_A_HEADLINE = /[;(]/;

export class TokenView implements Words {
  readonly text: string;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** How many words the text has. */
  readonly n: number;
  /** The last word of the latest mention or other name: a later name's neighbour never reaches back into it. */
  taken = -1;

  constructor(text: string) {
    this.text = text;
    tokenize(text, this.starts, this.ends);
    this.n = this.starts.length;
  }

  /** Word k as written. */
  raw(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** What separates word k from word k + 1. */
  gapAfter(k: number): string {
    return this.text.slice(this.ends[k], this.starts[k + 1]);
  }

  /** Comparison key of word k. */
  key(k: number): string {
    return foldKey(this.raw(k));
  }

  upper(k: number): boolean {
    return startsUpper(this.text, this.starts[k]);
  }

  /** Words first..last stand in a run of ALL-CAPS words, which makes a shouting headline. */
  inShoutingRun(first: number, last: number): boolean {
    if (!isAllCaps(this.raw(first))) return false;
    let count = 1;
    for (let k = first - 1; k >= 0 && count < SHOUTING_RUN_WORDS; k--) {
      if (!RUN_GAP.test(this.gapAfter(k))) break;
      const w = this.raw(k);
      if (!isAllCaps(w)) break;
      if (w.length >= 2) count++;
    }
    for (let k = last + 1; k < this.n && count < SHOUTING_RUN_WORDS; k++) {
      if (!RUN_GAP.test(this.gapAfter(k - 1))) break;
      const w = this.raw(k);
      if (!isAllCaps(w)) break;
      if (w.length >= 2) count++;
    }
    return count >= SHOUTING_RUN_WORDS;
  }

  /** The line around offset `at` is a Title Case headline, where a capitalised neighbour says nothing about a name. */
  isTitleCaseLine(at: number): boolean {
    const { text } = this;
    const from = Math.max(text.lastIndexOf('\n', at) + 1, at - TITLE_CASE_WINDOW);
    let to = text.indexOf('\n', at);
    if (to < 0 || to > at + TITLE_CASE_WINDOW) to = Math.min(text.length, at + TITLE_CASE_WINDOW);
    const line = text.slice(from, to);
    if (NOT_A_HEADLINE.test(line)) return false;
    let words = 0;
    let capitals = 0;
    for (const m of line.matchAll(TITLE_WORD)) {
      words++;
      if (startsUpper(m[0], 0)) capitals++;
    }
    return words >= TITLE_CASE_MIN_WORDS && capitals / words >= TITLE_CASE_SHARE;
  }

  /** Word k, across `gap`, is a capitalised neighbour that reads as part of another name ("Nawaz" before "Sharif"). */
  isNameNeighbour(k: number, gap: string): boolean {
    return k >= 0 && k < this.n && k > this.taken && isSpaceOnly(gap) && this.upper(k) && !NOT_A_NAME.has(this.key(k));
  }
}
