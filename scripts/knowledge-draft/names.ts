/**
 * The names an article writes, paragraph by paragraph: the chunks of `chunks.ts`, read against the whole article.
 * A capital at a sentence's start says nothing, so such a word counts only when the lexicon knows it as a name or
 * the article writes it as part of a name elsewhere ("Kiprop said" after "Samuel Kiprop"). In a Title Case headline
 * only names the body also writes count. Bylines and date lines name no entity.
 */
import { isAllCaps, surfaceKey } from '../../core/normalize';
import { chunkParagraph, paragraphWords, type Chunk, type Word } from './chunks';
import { DATELINE_AFTER } from './evidence';
import { HEADS, INSTITUTION_WORDS, KIND_NOUNS } from './lexicon';
import { lexiconIs, lexiconTags, tagWords } from './tagger';

export interface NameMention extends Chunk {
  /** 1-based paragraph (line) of the article. */
  paragraph: number;
  /** The place in capitals that opens a report ("TROMSØ, Norway —"). */
  dateline?: true;
}

export interface ArticleWords {
  paragraphs: string[];
  words: Word[][];
  /** Lines that are bylines ("Edited by: …") or dates: not read for names. */
  skipped: Set<number>;
}

const BYLINE = /^\s*(edited|written|reporting|additional reporting|compiled|produced)?\s*by\s*:?\s*(.*)$/iu;
const PERSON_NAME = /^\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}$/u;
const DATE_LINE = /^\s*(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$/u;
const PLACE_TAGS = ['Country', 'City', 'Region', 'Place'];
const PROPER_TAGS = ['ProperNoun', 'Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym'];
const NOT_NAMES = ['Demonym', 'Date', 'Month', 'WeekDay', 'Holiday'];

/** The names a byline gives ("Edited by: Karl Sexton", "By Ana Ruiz and Li Wei"), as editors or authors; null for other lines. */
export function bylineNames(line: string): { editors: boolean; names: string[] } | null {
  const match = BYLINE.exec(line);
  if (!match) return null;
  const names = match[2]!.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
  if (names.length === 0 || !names.every((n) => PERSON_NAME.test(n))) return null;
  return { editors: /^edited$/i.test(match[1] ?? ''), names };
}

/** A line without a closing full stop whose longer words are nearly all capitalised: a Title Case or ALL CAPS headline. */
function isHeadline(line: string, words: Word[]): boolean {
  const long = words.filter((w) => w.text.length >= 4);
  return !/\.\s*$/.test(line) && long.length >= 1 && long.filter((w) => w.cap).length / long.length >= 0.75;
}

export function readWords(article: string): ArticleWords {
  const paragraphs = article.split(/\r?\n/);
  const skipped = new Set<number>();
  const words = paragraphs.map((text, i) => {
    if (bylineNames(text) || DATE_LINE.test(text) || text.trim() === '') skipped.add(i + 1);
    return skipped.has(i + 1) ? [] : paragraphWords(text, tagWords(text));
  });
  return { paragraphs, words, skipped };
}

function sub(text: string, words: Word[], possessive: boolean): Chunk {
  return { words, start: words[0]!.start, end: words.at(-1)!.end, text: text.slice(words[0]!.start, words.at(-1)!.end), possessive };
}

/** "Sistan and Baluchestan" is one name when neither half stands alone and the phrase reads as one place or group. */
function joinsAnd(text: string, left: Chunk, right: Chunk, standsAlone: (t: string) => boolean): boolean {
  if (standsAlone(left.text) || standsAlone(right.text)) return false;
  const before = text.slice(0, left.start);
  const after = text.slice(right.end).match(/^\s+(\p{Ll}+)/u)?.[1] ?? '';
  const head = right.words.at(-1)!.key;
  return /\b(?:of|the)\s+$/i.test(before) || KIND_NOUNS.place.has(after) || KIND_NOUNS.group.has(after) || HEADS.place.has(head);
}

/** All the name mentions of the article, in document order. */
export function findNames(article: ArticleWords, known: (text: string) => boolean): NameMention[] {
  const { paragraphs, words } = article;
  const headline = words.map((w, i) => isHeadline(paragraphs[i]!, w));
  const lexiconPlace = (t: string) => lexiconIs(t, PLACE_TAGS) || known(t);
  const first = words.map((w, i) => chunkParagraph(paragraphs[i]!, w, lexiconPlace));
  const alone = new Set<string>();
  const nameWords = new Set<string>();
  first.forEach((chunks, i) => {
    if (headline[i]) return;
    // Halves of "Sistan and Baluchestan" or "Lloyd's List" are not yet names of their own.
    const text = paragraphs[i]!;
    const paired = new Set(
      chunks.flatMap((c, k) => {
        const next = chunks[k + 1];
        const owns = c.possessive && next !== undefined && /^['\u2019]s\s+$/.test(text.slice(c.end, next.start));
        return [...(c.andNext ? [c, c.andNext] : []), ...(owns ? [c, next] : [])];
      }),
    );
    for (const chunk of chunks) {
      if (chunk.words.length === 1 && chunk.words[0]!.initial) continue;
      for (const w of chunk.words) nameWords.add(w.key);
      if (!paired.has(chunk)) alone.add(surfaceKey(chunk.text));
    }
  });
  const standsAlone = (t: string) => lexiconPlace(t) || alone.has(surfaceKey(t));
  const isProper = (w: Word) => lexiconTags(w.text)[0] !== undefined && PROPER_TAGS.some((t) => lexiconTags(w.text)[0]!.has(t));
  const out: NameMention[] = [];
  words.forEach((w, i) => {
    const text = paragraphs[i]!;
    const chunks = chunkParagraph(text, w, standsAlone);
    const skip = new Set<Chunk>();
    chunks.forEach((chunk, c) => {
      if (skip.has(chunk)) return;
      let kept: Chunk | null = chunk;
      const lead = chunk.words[0]!;
      const dateline = chunk.start === 0 && isAllCaps(chunk.text) && DATELINE_AFTER.test(text.slice(chunk.end));
      // A sentence's first word is capitalised whatever it is: a role ("Realtor Ghulam said") is then a title, a number no name.
      const role = lead.initial && chunk.words.length > 1 && (KIND_NOUNS.person.has(lead.key) || lead.tags.has('Value'));
      if (role || (lead.initial && !isProper(lead) && !nameWords.has(lead.key) && !chunk.title && !dateline)) {
        const rest = chunk.words.slice(1);
        kept =
          rest.length > 0 && rest[0]!.cap
            ? { ...sub(text, rest, chunk.possessive), ...(role && !lead.tags.has('Value') ? { title: lead.text } : {}) }
            : null;
      }
      if (kept && (kept.words.length === 1 ? isNotAName(kept.words[0]!, w[w.indexOf(kept.words[0]!) + 1]) : isDemonym(kept.words.at(-1)!)))
        kept = null;
      if (!kept) return;
      if (chunk.andNext && kept === chunk && joinsAnd(text, chunk, chunk.andNext, standsAlone)) {
        skip.add(chunk.andNext);
        kept = {
          ...sub(text, [...chunk.words, ...chunk.andNext.words], chunk.andNext.possessive),
          text: text.slice(chunk.start, chunk.andNext.end),
          end: chunk.andNext.end,
        };
      }
      const owner = chunks[c - 1];
      if (owner?.possessive && /^['\u2019]s\s+$/.test(text.slice(owner.end, kept.start))) {
        // "Pakistan's Foreign Ministry" names a ministry of Pakistan; "Lloyd's List", whose halves name nothing alone, one name.
        const institution = kept.words.every((x) => INSTITUTION_WORDS.has(x.key));
        const oneName = !standsAlone(owner.text) && !standsAlone(kept.text) && !owner.title;
        if (oneName && out.at(-1)?.start === owner.start && out.at(-1)?.paragraph === i + 1) out.pop();
        if (institution || oneName)
          kept = { ...kept, words: [...owner.words, ...kept.words], start: owner.start, text: text.slice(owner.start, kept.end) };
      }
      if (headline[i]) {
        for (const part of headlineNames(text, kept, (t) => alone.has(surfaceKey(t)) || lexiconPlace(t))) out.push({ ...part, paragraph: i + 1 });
      } else {
        out.push({ ...kept, paragraph: i + 1, ...(dateline && kept === chunk ? { dateline: true as const } : {}) });
      }
    });
  });
  return out;
}

function isDemonym(word: Word): boolean {
  return word.tags.has('Demonym') || lexiconTags(word.text)[0]?.has('Demonym') === true;
}

/** A demonym, a date, or an adjective before its noun ("Indigenous communities"); not "Yellen said", which the tagger also guesses to be an adjective. */
function isNotAName(word: Word, next: Word | undefined): boolean {
  const lexicon = lexiconTags(word.text)[0];
  if (lexicon?.has('Country')) return false;
  if (NOT_NAMES.some((t) => word.tags.has(t) || lexicon?.has(t))) return true;
  const adjective = lexicon?.has('Adjective') === true && !lexicon.has('ProperNoun');
  return adjective && next !== undefined && !next.cap && next.tags.has('Noun') && next.start - word.end === 1;
}

/** The longest runs of a headline chunk that the body writes as names (or the lexicon knows). */
function headlineNames(text: string, chunk: Chunk, isName: (t: string) => boolean): Chunk[] {
  const out: Chunk[] = [];
  const { words } = chunk;
  let i = 0;
  while (i < words.length) {
    let found = 0;
    for (let n = words.length - i; n >= 1 && !found; n--) {
      if (isName(text.slice(words[i]!.start, words[i + n - 1]!.end))) found = n;
    }
    if (found) out.push(sub(text, words.slice(i, i + found), chunk.possessive && i + found === words.length));
    i += found || 1;
  }
  return out;
}
