/**
 * Whether the page shows a shared name as the member of its namesake set ("Washington" the state, not the
 * capital): two more of the set's names beside it in a list, one of the set's phrases around it, or one of its
 * sentence words in its sentence. Pure, like the matcher that asks.
 */
import { foldKey, startsUpper } from './normalize';
import { NAMESAKE_LIST_REACH as LIST_REACH, NAMESAKE_SENTENCE_REACH as SENTENCE_REACH } from './match-thresholds';
import { NOT_A_NAME } from './name-context';
import type { CompiledNamesakes, Words } from './types';

/** Words that join the items of a list; any other lower-case or function word ends it. */
const JOINERS = new Set(['and', 'or']);
/** A list runs across lines (a menu), not across sentences. */
const PROSE_END = /[.!?]["'\u201D\u2019)]*\s/;
const SENTENCE_END = new RegExp(`${PROSE_END.source}|\\n`);
const LETTER = /[\p{L}\p{N}]/u;

function phraseAround({ text, starts, ends }: Words, first: number, last: number, phrase: string): boolean {
  const star = phrase.indexOf('*');
  const before = phrase.slice(0, star);
  const after = phrase.slice(star + 1);
  const start = starts[first]!;
  const end = ends[last]!;
  const head = text
    .slice(Math.max(0, start - before.length - 1), start)
    .replace(/\s/g, ' ')
    .toLowerCase();
  const tail = text
    .slice(end, end + after.length + 1)
    .replace(/\s/g, ' ')
    .toLowerCase();
  const headFits = before === '' || (head.endsWith(before) && !LETTER.test(head.slice(0, head.length - before.length)));
  const tailFits = after === '' || (tail.startsWith(after) && !LETTER.test(tail.slice(after.length)));
  return headFits && tailFits;
}

/** How many distinct names of the set the list holds that the shared name stands in. */
function listedNames(words: Words, first: number, last: number, set: CompiledNamesakes): number {
  const { text, starts, ends } = words;
  const names = new Set(set.names);
  const longest = Math.max(...set.names.map((name) => name.split(' ').length));
  const found = new Set<string>();
  const keyOf = (from: number, to: number) => {
    const keys: string[] = [];
    for (let k = from; k <= to; k++) keys.push(foldKey(text.slice(starts[k], ends[k])));
    return keys.join(' ');
  };
  const span = (k: number, size: number, step: number) => (step > 0 ? keyOf(k, k + size - 1) : keyOf(k - size + 1, k));
  const walk = (from: number, step: 1 | -1) => {
    for (let k = from, seen = 0; k >= 0 && k < starts.length && seen < LIST_REACH; seen++) {
      if (PROSE_END.test(step > 0 ? text.slice(ends[k - 1], starts[k]) : text.slice(ends[k], starts[k + 1]))) return;
      const key = foldKey(text.slice(starts[k], ends[k]));
      if (JOINERS.has(key)) {
        k += step;
        continue;
      }
      if (!startsUpper(text, starts[k]!)) return;
      let size = Math.min(longest, step > 0 ? starts.length - k : k + 1);
      while (size > 1 && !names.has(span(k, size, step))) size--;
      const name = span(k, size, step);
      if (names.has(name)) found.add(name);
      else if (NOT_A_NAME.has(key)) return;
      k += step * size;
    }
  };
  walk(first - 1, -1);
  walk(last + 1, 1);
  return found.size;
}

function sentenceHas({ text, starts, ends }: Words, first: number, last: number, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  const has = (k: number) => wanted.includes(foldKey(text.slice(starts[k], ends[k])));
  for (let k = first - 1; k >= 0 && first - k <= SENTENCE_REACH && !SENTENCE_END.test(text.slice(ends[k], starts[k + 1])); k--) {
    if (has(k)) return true;
  }
  for (let k = last + 1; k < starts.length && k - last <= SENTENCE_REACH && !SENTENCE_END.test(text.slice(ends[k - 1], starts[k])); k++) {
    if (has(k)) return true;
  }
  return false;
}

/** True when words first..last, a name the set shares, read as the set's member here. */
export function namesakeShown(words: Words, first: number, last: number, set: CompiledNamesakes): boolean {
  return (
    set.phrases.some((phrase) => phraseAround(words, first, last, phrase)) ||
    listedNames(words, first, last, set) >= 2 ||
    sentenceHas(words, first, last, set.sentenceWords)
  );
}
