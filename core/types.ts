/** Shapes shared by the compiler, the matcher and everything that shows a mention. */
import type { Gap } from './normalize';

export type { Kind } from './kinds';

/**
 * Why a span was taken for its entity:
 * - `name`: a name form ("Shehbaz Sharif", "Islamic Republic of Iran");
 * - `variant`: a spelling variant, listed or within a small edit distance;
 * - `title`: a title form ("PM Shehbaz"), the mark covering the name only;
 * - `acronym`: an upper-case acronym ("BLA");
 * - `short`: a short form readers meet alone ("Trump");
 * - `context`: a short form resolved by an earlier mention on the page ("Sharif" after "Shehbaz Sharif").
 */
export type MatchVia = 'name' | 'variant' | 'title' | 'acronym' | 'short' | 'context';

export interface Mention {
  entity: string;
  /** UTF-16 offsets into the matched text, end exclusive. */
  start: number;
  end: number;
  text: string;
  via: MatchVia;
}

/** Page text cut into words: word k is `text.slice(starts[k], ends[k])`. */
export interface Words {
  text: string;
  starts: number[];
  ends: number[];
}

/** How a word of an alias must be written on the page. */
export const CaseRule = {
  /** Any case ("al" in "Jaish Al-Adl"). */
  Any: 0,
  /** Starts with a capital: title case or ALL CAPS ("Iran", "IRAN", not "iran"). */
  Capital: 1,
  /** Exactly as written ("US", never "Us" or "us"). */
  Exact: 2,
} as const;
export type CaseRule = (typeof CaseRule)[keyof typeof CaseRule];

export type AliasForm = 'name' | 'variant' | 'acronym' | 'short' | 'title';

/** Words of a surface form as the matcher's trie holds them. */
export interface CompiledWords {
  /** Folded keys of the words. */
  keys: string[];
  cases: CaseRule[];
  /** The words as written where their rule is `CaseRule.Exact`, else ''. */
  words: string[];
  /** What separates word i from word i + 1. */
  gaps: Gap[];
}

/** One surface form, cut into words, ready for the matcher. */
export interface CompiledAlias extends CompiledWords {
  entity: string;
  form: AliasForm;
  /** Index of the first word of the mark: titles before it are evidence, not part of the mark. */
  markFrom: number;
  /** The alias ends with a dot ("U.S."), which the mark includes when the page has it. */
  trailingDot: boolean;
  /** Entities whose earlier mention licenses this form; absent: no licence needed. */
  after?: string[];
  /**
   * Key of a form that other people or places share ("sharif", "washington"): once a neighbour shows it naming
   * someone else, it counts again only after this entity is named by a form that claims the key.
   */
  ownerKey?: string;
  /** Owner keys of the entity that this alias names, so a mention claims them ("Sharif" after "Shehbaz Sharif"). */
  claims: string[];
  compoundOnly?: boolean;
  /** An acronym that is a word in capitals ("US"): after another ALL-CAPS word but "THE" it is that word. */
  alsoWord?: boolean;
  /** Index in `CompiledIndex.namesakes` of the set one of whose members bears this name too. */
  namesakes?: number;
  /** Refused beside another capitalised name, like a short form. */
  nameLike?: boolean;
}

/** A set of places that share names with entities, as the matcher looks for its evidence. */
export interface CompiledNamesakes {
  /** The members' names, each as its folded words joined by spaces. */
  names: string[];
  /** Lower-case phrases around the shared name, `*` standing for it. */
  phrases: string[];
  sentenceWords: string[];
}

/** A title as it stands before a name ("PM", "Dr."), with the case rules of a title's words. */
export interface CompiledTitle extends CompiledWords {
  /** Written with a dot ("Dr."), which joins it to the name as a dot does. */
  trailingDot: boolean;
}

/** An entity as the matcher knows it: its id and the titles that name it before its forms. */
export interface CompiledEntity {
  id: string;
  /** Indexes in `CompiledIndex.titles`, in the order the knowledge lists them. */
  titles: number[];
}

export interface CompiledIndex {
  /** Every surface form: each entity's aliases, then its title forms (`titleForm`), entity after entity. */
  aliases: CompiledAlias[];
  titles: CompiledTitle[];
  /** In the order of the knowledge, which is the order of their aliases. */
  entities: CompiledEntity[];
  /** Long bare surnames that near-miss spellings resolve to: key → index of the short alias. */
  fuzzy: { key: string; alias: number }[];
  /** Folded given names per person, to recognise "Masood Pezeshkian" as a variant rather than another person. */
  givenNames: Record<string, string[]>;
  /** Longer names that contain a surface form and are something else: where one fits, nothing in it is marked. */
  otherNames: CompiledWords[];
  namesakes: CompiledNamesakes[];
}

/**
 * The compiled index as the content script carries it (`match-pack.ts` writes it, `match-index.ts` reads it): a
 * few strings, so that loading it costs the evaluation of a few string literals whatever the knowledge's size, and
 * only the parts a page's words reach are ever decoded.
 */
export interface PackedIndex {
  /** How many buckets the first words of the forms are hashed into: a power of two. */
  size: number;
  /**
   * The buckets, separated by `#` in chunks of `CHUNK`: each one the forms, other names and titles whose first
   * word hashes to it.
   */
  buckets: string[];
  /**
   * One line per entity, in the index's order, in chunks of `CHUNK` lines: id, person or not, titles, given names,
   * and what the page adds.
   */
  entities: string[];
  /** Near-miss targets by first letter. */
  fuzzy: Record<string, string>;
  namesakes: CompiledNamesakes[];
}
