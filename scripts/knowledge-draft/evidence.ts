/**
 * What a mention's words and its sentence say about the kind of thing it names, each as a weighted reason a
 * maintainer can read: a title before it ("Prime Minister"), the noun that introduces it ("the mining company",
 * "cities such as"), an apposition after it (", a region"), its last word ("… Institute"), and what the tagger's
 * lexicon knows of it (a country, a city, a first name, an organisation).
 */
import type { EntityKind } from '../../knowledge/schema';
import { isAllCaps } from '../../core/normalize';
import type { Chunk } from './chunks';
import { COUNTRY_ACRONYMS, HEADS, KIND_NOUNS, OF_NOUNS, PLACE_PREPOSITIONS } from './lexicon';
import { lexiconTags } from './tagger';

export interface Evidence {
  kind: EntityKind;
  weight: number;
  why: string;
  /** Says only that it is somewhere ("in X", "X-based"): as true of a country as of a place. */
  location?: true;
}

const KINDS_BY_NOUN: EntityKind[] = ['group', 'place', 'country', 'event', 'person'];

/** The kind a lower-case noun gives, with compromise's "Actor" (a person's role) as the person class beyond the list. */
function kindOfNoun(noun: string): EntityKind | undefined {
  const key = noun.toLowerCase();
  const kind = KINDS_BY_NOUN.find((k) => KIND_NOUNS[k].has(key));
  if (kind) return kind;
  return lexiconTags(key)[0]?.has('Actor') ? 'person' : undefined;
}

const LAST_WORD = /(?<![\p{L}])([\p{Ll}][\p{L}-]*)\s+$/u;
/** Verbs of someone who speaks or is asked to: a person's, or with "the" before the name a group's. */
const SPEECH_AFTER =
  /^(?:['\u2019]s\b)?\s*(?:,[^.;:"\u201C\u201D]*?,|,)?\s*(?:said|says|told|tells|added|adds|noted|wrote|argued|explained|warned|declined to comment|did not (?:respond|reply|comment))\b/;
const SPEECH_BEFORE = /\b(?:said|says|added)\s+$/;

/** The text between two mentions holds only list separators: "Kisumu and Eldoret", "Hungary, Austria and Slovakia". */
const LIST_GAP = /^(?:\s*(?:,|\band\b|\bor\b|\bthe\b|\bas well as\b)\s*)*$/;

/** Evidence from the words around `chunk` in `text`; `others` are the paragraph's other name chunks. */
export function contextEvidence(text: string, chunk: Chunk, others: readonly Chunk[]): Evidence[] {
  const out: Evidence[] = [];
  const before = text.slice(0, chunk.start);
  const after = text.slice(chunk.end);
  if (chunk.title) out.push({ kind: 'person', weight: 5, why: `title before it: "${chunk.title}"` });
  const introduced = LAST_WORD.exec(before)?.[1];
  const introKind = introduced && kindOfNoun(introduced);
  if (introKind && !/\bof\s+$/.test(before)) out.push({ kind: introKind, weight: 4, why: `introduced as "${introduced}"` });
  const ofNoun = /([\p{Ll}]+)\s+of\s+(?:the\s+)?$/u.exec(before)?.[1];
  const ofKind = ofNoun && (Object.keys(OF_NOUNS) as EntityKind[]).find((k) => OF_NOUNS[k]!.has(ofNoun));
  if (ofKind) out.push({ kind: ofKind, weight: 4, why: `"${ofNoun} of" before it` });
  const listKind = suchAs(text, chunk, others);
  if (listKind) out.push({ kind: listKind.kind, weight: 3, why: `listed after "${listKind.noun} ${listKind.cue}"` });
  const appositionNoun = appositionOf(after);
  if (appositionNoun) out.push({ kind: kindOfNoun(appositionNoun)!, weight: 3, why: `described as "${appositionNoun}"` });
  const namedAfter = /(?<![\p{L}])(\p{Ll}+),\s*$/u.exec(before)?.[1];
  if (namedAfter && kindOfNoun(namedAfter) === 'person') out.push({ kind: 'person', weight: 3, why: `named after "${namedAfter},"` });
  const followed = /^\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  const followedKind = followed && (['place', 'group'] as const).find((k) => KIND_NOUNS[k].has(followed));
  if (followedKind) out.push({ kind: followedKind, weight: 3, why: `followed by "${followed}"` });
  if (/^,\s+where\b/.test(after)) out.push({ kind: 'place', weight: 3, why: '", where" after it' });
  if (/^,\s+who\b/.test(after)) out.push({ kind: 'person', weight: 3, why: '", who" after it' });
  if (/^-(?:based|headquartered)\b/.test(after))
    out.push({ kind: 'place', weight: 3, why: `"${chunk.text}${after.slice(0, after.search(/\s|$/))}"`, location: true });
  // People are not "the Fed", "the Kremlin" or "the Carpathians"; in "the Biden administration" "the" is the noun's.
  const nounAfter = followed !== undefined && lexiconTags(followed)[0]?.has('Noun') === true && !lexiconTags(followed)[0]?.has('Verb');
  if (/\b[Tt]he\s+$/.test(before) && chunk.words.length === 1 && !nounAfter) {
    out.push({ kind: 'group', weight: 1.5, why: '"the" before it' }, { kind: 'place', weight: 1, why: '"the" before it', location: true });
  }
  const preposition = /\b(\p{Ll}+)\s+(?:the\s+)?$/u.exec(before)?.[1];
  if (preposition && PLACE_PREPOSITIONS.has(preposition)) out.push({ kind: 'place', weight: 1, why: `after "${preposition}"`, location: true });
  if (SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before)) {
    out.push(/\b[Tt]he\s+$/.test(before) ? { kind: 'group', weight: 2, why: 'speaks, with "the"' } : { kind: 'person', weight: 1, why: 'speaks' });
  }
  if (chunk.start === 0 && isAllCaps(chunk.text) && DATELINE_AFTER.test(after)) out.push({ kind: 'place', weight: 4, why: 'a dateline' });
  return out;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);

/** The noun of an apposition (", a region which …", " [an Iranian port city …"), within its first four words. */
function appositionOf(after: string): string | undefined {
  const words = /^(?:['\u2019]s)?\s*[,([]\s*((?:[\p{L}-]+\s*){1,4})/u.exec(after)?.[1]?.split(/\s+/).filter(Boolean);
  if (!words?.length) return undefined;
  const first = words[0]!;
  const opens = DETERMINERS.has(first.toLowerCase()) || lexiconTags(first.toLowerCase())[0]?.has('Adjective') || kindOfNoun(first);
  return opens ? words.find((w) => /^\p{Ll}/u.test(w) && kindOfNoun(w)) : undefined;
}

function suchAs(text: string, chunk: Chunk, others: readonly Chunk[]): { kind: EntityKind; noun: string; cue: string } | undefined {
  const before = text.slice(0, chunk.start);
  const cue = /([\p{L}-]+)\s+(such as|including|like)\s+/gu;
  let found: RegExpExecArray | null = null;
  for (let m = cue.exec(before); m; m = cue.exec(before)) found = m;
  if (!found) return undefined;
  const kind = kindOfNoun(found[1]!);
  if (!kind) return undefined;
  let between = before.slice(found.index + found[0].length);
  const from = found.index + found[0].length;
  for (const other of others) {
    if (other.start >= from && other.end <= chunk.start) between = between.replace(text.slice(other.start, other.end), '');
  }
  return LIST_GAP.test(between.replace(/[-\p{Ll}]+-based\b/gu, '')) ? { kind, noun: found[1]!, cue: found[2]! } : undefined;
}

/** Evidence from the name itself: its last word, and what the lexicon knows of its words. */
export function nameEvidence(chunk: Chunk): Evidence[] {
  const out: Evidence[] = [];
  const { words } = chunk;
  const last = words.at(-1)!;
  // The head of "University of Concepción" stands before its "of". A head outweighs given names and surnames the
  // lexicon finds in the words before it ("Emanuel AME Church", "George Washington University").
  const of = words.findIndex((w, i) => i > 0 && w.key === 'of');
  const head = of > 0 ? words[of - 1]! : last;
  for (const kind of ['group', 'place', 'event'] as const) {
    if (words.length > 1 && HEADS[kind].has(head.key)) out.push({ kind, weight: 7, why: `headed by "${head.text}"` });
  }
  if (COUNTRY_ACRONYMS.has(chunk.text.replace(/\./g, ''))) out.push({ kind: 'country', weight: 5, why: "a country's initials" });
  const lexicon = lexiconTags(chunk.text);
  const lastTags = lexicon.at(-1);
  if (lastTags?.has('Country')) out.push({ kind: 'country', weight: 4, why: 'a country (lexicon)' });
  else if (lastTags && ['City', 'Region', 'Place'].some((t) => lastTags.has(t))) out.push({ kind: 'place', weight: 3, why: 'a place (lexicon)' });
  // No person's name holds an "'s" ("Lloyd's List").
  const personal = words.length > 1 && !/['\u2019]s\s/.test(chunk.text);
  if (personal && lexicon[0]?.has('FirstName')) out.push({ kind: 'person', weight: 3, why: `"${words[0]!.text}" is a given name (lexicon)` });
  if (personal && lastTags?.has('LastName')) out.push({ kind: 'person', weight: 2, why: `"${last.text}" is a surname (lexicon)` });
  if (lexicon.some((t) => t.has('Organization'))) out.push({ kind: 'group', weight: 2, why: 'an organisation (lexicon)' });
  if (words.some((w) => w.tags.has('Person')) && words.length > 1) out.push({ kind: 'person', weight: 1, why: 'a person (tagger, in context)' });
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(last.text) && !COUNTRY_ACRONYMS.has(last.text)) {
    out.push({ kind: 'group', weight: 1, why: 'an acronym' });
  }
  return out;
}

/**
 * With no evidence at all: one word is most often a place; several words a group or a work, since the lexicon
 * knows most given names and a person usually speaks or has a title.
 */
export function fallbackKind(words: number): EntityKind {
  return words === 1 ? 'place' : 'group';
}

/** What follows the place of a dateline: "TROMSØ, Norway —", "DHAKA —", "WASHINGTON (Reuters) -"; not "NATO, which". */
export const DATELINE_AFTER = /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*)?\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]\s/u;
