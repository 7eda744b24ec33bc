/**
 * Cuts a paragraph into name chunks: runs of capitalised words, with the lower-case particles names hold
 * ("University of Concepción", "Quaid-i-Azam"), initials ("Donald J. Trump") and hyphens, broken at possessives
 * and at hyphenated lower-case words ("Washington-based"). Titles before a name are cut off and kept as evidence
 * ("US Secretary of State Marco Rubio" → "US", "Marco Rubio" with the title "Secretary of State").
 */
import { foldKey, startsUpper, tokenize } from '../../core/normalize';
import { CONNECTORS, CORE_TITLES, HEADS, KIND_NOUNS, TITLE_COMPLEMENTS, TITLE_MODIFIERS } from './lexicon';
import { isEnglishWord, tagsAt, type Tags } from './tagger';

export interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  cap: boolean;
  /** First word of a sentence (or of a quotation), where capitals say nothing. */
  initial: boolean;
  tags: Tags;
}

export interface Chunk {
  words: Word[];
  start: number;
  end: number;
  text: string;
  /** The title words cut off before the name. */
  title?: string;
  /** Followed by 's. */
  possessive: boolean;
  /** Joined to what follows by "and" ("Sistan and Baluchestan"): the next chunk, for the article to decide. */
  andNext?: Chunk;
}

type Gap = 'space' | 'hyphen' | 'dot' | 'and';

/** The gap before a word that starts a sentence or a quotation: after . ! ? or : (and a closing mark), or an opening mark. */
const SENTENCE_START = /(?:[.!?:]["\u201D\u2019)]?\s+["\u201C\u2018([]?|(?:^|\s)["\u201C\u2018([])$/;
const ABBREVIATED = /^(\p{Lu}|Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr)$/u;
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Negative', 'Adverb', 'Modal', 'Auxiliary', 'Copula'];
const STOP = new Set(
  'its his her their our my your this that these those some many most all every each no not but and or if when while as at in on for with from by after before since despite because although though even also only then there here how what who why where which we i you they he she it a an the according meanwhile however still yet so'.split(
    ' ',
  ),
);

export function paragraphWords(text: string, tags: Map<number, Tags>): Word[] {
  const starts: number[] = [];
  const ends: number[] = [];
  tokenize(text, starts, ends);
  return starts.map((start, i) => {
    const word = text.slice(start, ends[i]);
    const before = text.slice(i > 0 ? ends[i - 1] : 0, start);
    const initial = i === 0 || (SENTENCE_START.test(before) && !ABBREVIATED.test(text.slice(starts[i - 1], ends[i - 1])));
    return { start, end: ends[i]!, text: word, key: foldKey(word), cap: startsUpper(word, 0), initial, tags: tagsAt(tags, start) };
  });
}

function gapBetween(text: string, a: Word, b: Word): Gap | 'possessive' | null {
  const gap = text.slice(a.end, b.start);
  if (/^[ \u00A0]$/.test(gap) || gap === ' & ') return 'space';
  if (/^[-\u2010\u2011]$/.test(gap)) return 'hyphen';
  if (/^['\u2019]$/.test(gap) && b.key === 's') return 'possessive';
  if (/^['\u2019]$/.test(gap) && b.cap) return 'space';
  if (gap === '.' && a.text.length === 1) return 'dot';
  // "Dr. Masoud", "Donald J. Trump"; but after "U.S." a name starts: "U.S. Federal Reserve".
  if (/^\. $/.test(gap) && ABBREVIATED.test(a.text) && text[a.start - 1] !== '.') return 'dot';
  return null;
}

/** The second syllable of a given name ("Wei-ling", "Jong-un"): short, lower case, no English word ("US-led", "Washington-based"). */
function isSyllable(a: Word, b: Word): boolean {
  return /^\p{Lu}\p{Ll}{1,4}$/u.test(a.text) && /^\p{Ll}{2,4}$/u.test(b.text) && !isEnglishWord(b.text);
}

interface Run {
  words: Word[];
  gaps: Gap[];
  possessive: boolean;
}

/** Maximal runs of capitalised words and the particles between them. */
function runs(text: string, words: Word[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.cap) {
      i++;
      continue;
    }
    const run: Run = { words: [words[i]!], gaps: [], possessive: false };
    let j = i;
    while (j + 1 < words.length) {
      const gap = gapBetween(text, words[j]!, words[j + 1]!);
      if (gap === 'possessive') {
        run.possessive = true;
        j++;
        break;
      }
      if (!gap) break;
      if (gap === 'hyphen' && isSyllable(words[j]!, words[j + 1]!)) {
        run.gaps.push('hyphen');
        run.words.push(words[j + 1]!);
        j++;
        continue;
      }
      let k = j + 1;
      const inner: Gap[] = [gap];
      // Particles: one or two lower-case words, then a capitalised word ("of the", "i", "al").
      while (k < words.length && !words[k]!.cap && (CONNECTORS.has(words[k]!.text) || words[k]!.text === 'and') && k - j <= 2) {
        const next = words[k + 1] && gapBetween(text, words[k]!, words[k + 1]!);
        if (!next || next === 'possessive') break;
        inner.push(next);
        k++;
      }
      if (!words[k]?.cap) break;
      const particles = words.slice(j + 1, k);
      if (particles.some((p) => p.text === 'and')) {
        if (particles.length !== 1) break;
        run.gaps.push('and');
      } else {
        run.gaps.push(...inner);
      }
      run.words.push(...(particles.some((p) => p.text === 'and') ? [] : particles), words[k]!);
      j = k;
    }
    out.push(run);
    i = j + 1;
  }
  return out;
}

function chunkOf(text: string, words: Word[], possessive: boolean, title?: string): Chunk {
  const start = words[0]!.start;
  // "U.S." keeps its last dot, as the knowledge writes it.
  const dotted = words.length > 1 && words.every((w) => w.text.length === 1) && text[words.at(-1)!.end] === '.';
  const end = words.at(-1)!.end + (dotted ? 1 : 0);
  return { words, start, end, text: text.slice(start, end), possessive, ...(title ? { title } : {}) };
}

const isFunctionWord = (w: Word) => STOP.has(w.key) || (!w.tags.has('ProperNoun') && FUNCTION_TAGS.some((t) => w.tags.has(t)));
const isTitleWord = (w: Word) => CORE_TITLES.has(w.key) || TITLE_MODIFIERS.has(w.key) || w.key === 'of';
const isTitlePart = (w: Word) => isTitleWord(w) || TITLE_COMPLEMENTS.has(w.key);

/**
 * Cuts the titles off a run of words: the name is what follows the last title ("Secretary of State" included).
 * Before the title, a country or organisation ("US", "UN") is a chunk of its own; demonyms and modifiers are not.
 */
function splitTitle(text: string, words: Word[], possessive: boolean, standsAlone: (text: string) => boolean): Chunk[] {
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (CORE_TITLES.has(words[i]!.key)) last = i;
  let from = last + 1;
  if (last >= 0 && words[from]?.key === 'of') {
    from++;
    while (from < words.length - 1 && TITLE_COMPLEMENTS.has(words[from]!.key)) from++;
  }
  const name = words.slice(from);
  const lastKey = name.at(-1)?.key ?? '';
  if (words.every(isTitlePart)) return [];
  if (last < 0 || name.length === 0 || name.every(isTitlePart) || HEADS.group.has(lastKey)) return [chunkOf(text, words, possessive)];
  const out: Chunk[] = [];
  for (const word of words.slice(0, last)) {
    const kept = !isTitleWord(word) && !word.tags.has('Demonym') && (standsAlone(word.text) || /^\p{Lu}{2,}$/u.test(word.text));
    if (kept) out.push(chunkOf(text, [word], false));
  }
  const title = text.slice(words[0]!.start, words[from - 1]!.end);
  out.push(chunkOf(text, name, possessive, title));
  return out;
}

/** Splits "US-Pakistan" into its countries when each part stands alone; "Jaish Al-Adl" and "Quaid-i-Azam" stay whole. */
function splitHyphens(text: string, chunk: Chunk, gaps: Gap[], standsAlone: (text: string) => boolean): Chunk[] {
  const parts: Word[][] = [[chunk.words[0]!]];
  const offset = gaps.length - (chunk.words.length - 1);
  chunk.words.slice(1).forEach((word, i) => {
    if (gaps[offset + i] === 'hyphen') parts.push([word]);
    else parts.at(-1)!.push(word);
  });
  if (parts.length === 1 || !parts.every((p) => standsAlone(text.slice(p[0]!.start, p.at(-1)!.end)))) return [chunk];
  return parts.map((p, i) => chunkOf(text, p, i === parts.length - 1 && chunk.possessive));
}

const isHead = (key: string) =>
  HEADS.group.has(key) || HEADS.place.has(key) || HEADS.event.has(key) || KIND_NOUNS.country.has(key) || KIND_NOUNS.place.has(key);

/**
 * Splits two names written as one run: "Aman of the Middle East Institute" (a name "of" a group: only a head such as
 * "University" or "Republic" takes an "of"), and "Quaid-i-Azam University Islamabad" (a group, then where it is).
 */
function splitCompound(text: string, chunk: Chunk, standsAlone: (text: string) => boolean): Chunk[] {
  const { words } = chunk;
  const span = (from: number, to: number) => text.slice(words[from]!.start, words[to - 1]!.end);
  const of = words.findIndex((w, i) => i > 0 && w.key === 'of');
  if (of > 0 && !isHead(words[of - 1]!.key) && !CORE_TITLES.has(words[of - 1]!.key)) {
    const right = of + (words[of + 1]?.key === 'the' ? 2 : 1);
    if (
      right < words.length &&
      (HEADS.group.has(words.at(-1)!.key) || HEADS.place.has(words.at(-1)!.key) || standsAlone(span(right, words.length)))
    ) {
      return [chunkOf(text, words.slice(0, of), false), chunkOf(text, words.slice(right), chunk.possessive)];
    }
  }
  const head = words.findIndex((w, i) => i < words.length - 1 && HEADS.group.has(w.key));
  if (head >= 0 && standsAlone(span(head + 1, words.length))) {
    return [chunkOf(text, words.slice(0, head + 1), false), chunkOf(text, words.slice(head + 1), chunk.possessive)];
  }
  return [chunk];
}

/** The name chunks of one paragraph, in order. */
export function chunkParagraph(text: string, words: Word[], standsAlone: (text: string) => boolean): Chunk[] {
  const out: Chunk[] = [];
  for (const run of runs(text, words)) {
    let firstName = 0;
    while (firstName < run.words.length && isFunctionWord(run.words[firstName]!)) firstName++;
    const segments: { words: Word[]; gaps: Gap[] }[] = [{ words: [], gaps: [] }];
    run.words.forEach((word, i) => {
      if (i < firstName) return;
      const gap = i > firstName ? run.gaps[i - 1]! : undefined;
      if (gap === 'and') segments.push({ words: [], gaps: [] });
      else if (gap) segments.at(-1)!.gaps.push(gap);
      segments.at(-1)!.words.push(word);
    });
    let previous: Chunk | undefined;
    segments.forEach((segment, s) => {
      if (segment.words.length === 0) return;
      const possessive = s === segments.length - 1 && run.possessive;
      const pieces = splitTitle(text, segment.words, possessive, standsAlone)
        .flatMap((c) => splitHyphens(text, c, segment.gaps, standsAlone))
        .flatMap((c) => (c.title ? [c] : splitCompound(text, c, standsAlone)));
      if (previous && pieces.length === 1 && !pieces[0]!.title && s > 0) previous.andNext = pieces[0];
      out.push(...pieces);
      previous = pieces.length === 1 && !pieces[0]!.title ? pieces[0] : undefined;
    });
  }
  return out;
}
