/**
 * How text is cut into words and how words are compared. Shared by the
 * compiler (for aliases) and the matcher (for page text), so both sides of a
 * comparison are always normalised the same way.
 */

/**
 * A word: letters and digits, with the invisible characters pages put inside
 * words (soft hyphens, zero-width spaces and joiners, word joiners, BOMs) and
 * combining marks kept inside it, so "Pe\u00ADzeshkian" is one word.
 */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]*/gu;

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** One character of `WORD`, asked at a position (sticky) for what is not ASCII. */
const STARTS_WORD = /[\p{L}\p{N}]/uy;
const IN_WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]/uy;

/** ASCII letters and digits: the characters of nearly every word on an English page, told apart by their codes. */
const isAsciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/** The end of the character of `WORD` that `pattern` finds at `at`, or -1 when there is none. */
function wordCharEnd(text: string, at: number, pattern: RegExp): number {
  const code = text.charCodeAt(at);
  if (code < 128) return isAsciiWordChar(code) ? at + 1 : -1;
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/**
 * Pushes the start and end offsets of every `WORD` in `text`. ASCII is read by character code and the rest with
 * sticky one-character patterns, which allocate nothing, where `exec()` would allocate a match per word: on
 * page-sized text the cutting into words is most of the matcher's time.
 */
export function tokenize(text: string, starts: number[], ends: number[]): void {
  const length = text.length;
  for (let at = 0; at < length; ) {
    let end = wordCharEnd(text, at, STARTS_WORD);
    if (end < 0) {
      at++;
      continue;
    }
    starts.push(at);
    for (let next = end; next >= 0; next = end < length ? wordCharEnd(text, end, IN_WORD) : -1) end = next;
    ends.push(end);
    at = end;
  }
}
const MARKS = /\p{M}/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character, control characters included, folds as it is
const ASCII = /^[\x00-\x7F]*$/;

/** The word without the invisible characters that were allowed inside it. */
export function visible(word: string): string {
  return word.includes('\u00AD') || /[\u200B-\u200D\u2060\uFEFF]/.test(word) ? word.replace(INVISIBLE, '') : word;
}

/** Comparison key of a word: visible characters, no diacritics, lower case. */
export function foldKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return visible(word).normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** A surface form as one line: a name broken across lines or spaced twice reads the same. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Comparison key of a surface form: one line, folded like a word (case, diacritics, invisible characters). */
export function surfaceKey(text: string): string {
  return foldKey(oneLine(text));
}

const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;

/** True when the word at `start` begins with an upper-case letter. */
export function startsUpper(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  return UPPER_START.test(text.slice(start, start + 2));
}

/** A word with letters and no lower-case letter ("IRAN", "US"). */
export function isAllCaps(word: string): boolean {
  return HAS_LETTER.test(word) && !HAS_LOWER.test(word);
}

/**
 * What separates two words of a name. `space` covers spaces, non-breaking
 * spaces and a single hyphen, because pages write "Jaish al-Adl", "Jaish al
 * Adl" and "Jaish-al-Adl" for one group; `amp` is an ampersand ("U.S. News &
 * World Report"); `null` means the gap breaks any name (a line break, a dash
 * between clauses, brackets, other punctuation).
 */
export type Gap = 'space' | 'dot' | 'comma' | 'apostrophe' | 'amp';

const SPACE = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const GAPS: [RegExp, Gap][] = [
  [new RegExp(`^${SPACE}*[-\\u2010\\u2011]?${SPACE}*$`), 'space'],
  // Typeset pages join compounds with an en dash ("Iran–Pakistan gas pipeline"); spaced, it separates clauses.
  [/^\u2013$/, 'space'],
  [new RegExp(`^\\.${SPACE}*$`), 'dot'],
  [new RegExp(`^,${SPACE}+$`), 'comma'],
  [/^['\u2019]$/, 'apostrophe'],
  [new RegExp(`^${SPACE}*&${SPACE}*$`), 'amp'],
];

export function gapKind(gap: string): Gap | null {
  if (gap.length === 0 || gap.length > 4) return null;
  for (const [pattern, kind] of GAPS) if (pattern.test(gap)) return kind;
  return null;
}

/** Only whitespace: the two words stand side by side in one phrase. */
const SPACE_ONLY = new RegExp(`^${SPACE}{1,3}$`);
export function isSpaceOnly(gap: string): boolean {
  return SPACE_ONLY.test(gap);
}

/** Restricted Damerau–Levenshtein distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}
