/**
 * The rules that decide whether a candidate (an alias whose words and case fit the page) is a mention, as one
 * ordered table. Each rule names one reason to refuse or to accept; the first rule with a verdict decides, and what
 * no rule decides is accepted by its form alone. Which rules can speak for an alias is settled once, when the
 * matcher is built. What each rule means to a reader is written in `scripts/annotate.ts` for `annotate --why`,
 * since the page never shows it.
 */
import { GENERATION_SUFFIXES, NAME_PARTICLES } from './name-context';
import { namesakeShown } from './namesakes';
import { editDistance, gapKind } from './normalize';
import { GIVEN_NAME_EDITS, POSSESSIVE_REACH } from './match-thresholds';
import type { TokenView } from './match-view';
import { currency, inWebAddress, regionOfLanguage, wordInCapitals } from './page-chrome';
import type { CompiledAlias, CompiledNamesakes, MatchVia } from './types';

/** What earlier text on the same page established, in document order. */
export interface MatchContext {
  /** Entities already named by a form that licenses short forms. */
  seen: Set<string>;
  /** Short form key → the entity that last owned it on the page; '' when another person did ("Nawaz Sharif"). */
  owners: Map<string, string>;
  /** Entities whose mention would have licensed a short form refused so far: naming one later is worth a second look. */
  waiting: Set<string>;
}

/** What the rules read of the index besides the alias. */
export interface RuleIndex {
  /** The folded given names of a person. */
  givenNames(entity: string): readonly string[];
  readonly namesakes: readonly CompiledNamesakes[];
}

/** One candidate as the rules see it: where it stands, and the mark it would make. */
export interface Take {
  readonly view: TokenView;
  readonly context: MatchContext;
  readonly index: RuleIndex;
  readonly alias: CompiledAlias;
  /** The alias names a person. */
  readonly person: boolean;
  readonly short: boolean;
  /** Its words in the view. */
  readonly first: number;
  readonly last: number;
  /** The word after it, or -1; the gap before that word and its key ('' without one). */
  readonly next: number;
  readonly nextGap: string;
  readonly nextKey: string;
  /** The mark: a rule may widen it to a given name before the alias. */
  start: number;
  end: number;
  form: MatchVia;
  byGivenName: boolean;
}

/** A rule's verdict: no opinion (the next rule speaks), refused, refused as another's name, accepted. */
export const PASS = 0;
export const REFUSE = 1;
/** Refused because the words name someone else: the alias's short form loses its owner on this page. */
export const DISOWN = 2;
export const ACCEPT = 3;
export type Verdict = typeof PASS | typeof REFUSE | typeof DISOWN | typeof ACCEPT;

export interface Rule {
  readonly id: string;
  /** Whether the rule can speak for this alias at all, from what the alias is; `person`: it names a person. */
  readonly applies: (alias: CompiledAlias, person: boolean) => boolean;
  readonly test: (take: Take) => Verdict;
}

const always = () => true;
const shortOrNameLike = (alias: CompiledAlias) => alias.form === 'short' || alias.nameLike === true;
const personShortOrNameLike = (alias: CompiledAlias, person: boolean) => person && shortOrNameLike(alias);
const LOWER_START = /^\p{Ll}/u;
const POSSESSIVE_BEFORE = /\p{Lu}\p{L}*['’]s\s$/u;
/** Inflected words in a Title Case headline are verbs ("Praises", "Backed"), not given names. */
const VERB_ENDING = /(s|ed|ing)$/;
const COMPOUND_GAP = /\s/;
const SUFFIX_GAP = /^,?\s+$/;

/** A capitalised word k right before the name at `at` that reads as another person's given name ("Nawaz" Sharif). */
function givenNameBefore(view: TokenView, k: number, at: number): boolean {
  if (!view.isNameNeighbour(k, view.gapAfter(k))) return false;
  return !VERB_ENDING.test(view.key(k)) || !view.isTitleCaseLine(at);
}

/** Word k is a near-miss of one of the person's given names ("Masood" for "Masoud"). */
function resemblesGivenName({ view, index, alias }: Take, k: number): boolean {
  const key = view.key(k);
  return index.givenNames(alias.entity).some((given) => given[0] === key[0] && editDistance(key, given, GIVEN_NAME_EDITS) <= GIVEN_NAME_EDITS);
}

const givenNameRightBefore = (take: Take) => take.first > 0 && givenNameBefore(take.view, take.first - 1, take.start);

/** The matching rules, in the order they speak. */
export const RULES = [
  {
    id: 'compound-only',
    applies: (alias) => alias.compoundOnly === true,
    test: ({ view, next, nextGap }) => (next >= 0 && gapKind(nextGap) === 'space' && !COMPOUND_GAP.test(nextGap) && view.upper(next) ? PASS : REFUSE),
  },
  {
    id: 'namesake',
    applies: (alias) => alias.namesakes !== undefined,
    test: ({ view, index, alias, first, last }) => (namesakeShown(view, first, last, index.namesakes[alias.namesakes!]) ? REFUSE : PASS),
  },
  {
    id: 'language-region',
    applies: always,
    test: ({ view, alias, first, end }) =>
      regionOfLanguage(view, first, alias.trailingDot && view.text[end] === '.' ? end + 1 : end, alias.form === 'acronym') ? REFUSE : PASS,
  },
  {
    id: 'word-in-capitals',
    applies: (alias) => alias.alsoWord === true,
    test: ({ view, first }) => (wordInCapitals(view, first) ? REFUSE : PASS),
  },
  {
    id: 'web-address',
    applies: always,
    test: ({ view, end }) => (inWebAddress(view.text, end) ? REFUSE : PASS),
  },
  {
    id: 'generation-suffix',
    applies: (_alias, person) => person,
    test: ({ next, nextGap, nextKey }) => (next >= 0 && GENERATION_SUFFIXES.has(nextKey) && SUFFIX_GAP.test(nextGap) ? DISOWN : PASS),
  },
  {
    id: 'shouting-run',
    applies: (alias) => alias.form === 'short' || alias.form === 'acronym',
    test: ({ view, first, last }) => (view.inShoutingRun(first, last) ? REFUSE : PASS),
  },
  {
    id: 'possessive-before',
    applies: (alias, person) => alias.form === 'short' && !person,
    test: ({ view, start }) => (POSSESSIVE_BEFORE.test(view.text.slice(Math.max(0, start - POSSESSIVE_REACH), start)) ? REFUSE : PASS),
  },
  {
    id: 'currency',
    applies: (alias) => alias.form === 'acronym',
    test: ({ view, start, end }) => (currency(view.text, start, end) ? REFUSE : PASS),
  },
  {
    id: 'given-name-before-full',
    applies: (alias, person) => person && alias.form !== 'short' && alias.markFrom === 0,
    test: (take) => (givenNameRightBefore(take) ? REFUSE : PASS),
  },
  {
    id: 'name-particle-after',
    applies: shortOrNameLike,
    test: ({ view, next, nextGap, nextKey }) =>
      next >= 0 && gapKind(nextGap) === 'space' && NAME_PARTICLES.has(nextKey) && LOWER_START.test(view.raw(next)) ? DISOWN : PASS,
  },
  {
    id: 'another-given-name',
    applies: shortOrNameLike,
    test: (take) => (givenNameRightBefore(take) && (!take.person || !resemblesGivenName(take, take.first - 1)) ? DISOWN : PASS),
  },
  {
    id: 'two-given-names',
    applies: personShortOrNameLike,
    test: (take) => (givenNameRightBefore(take) && take.first > 1 && givenNameBefore(take.view, take.first - 2, take.start) ? REFUSE : PASS),
  },
  {
    id: 'given-name-variant',
    applies: personShortOrNameLike,
    test: (take) => {
      if (givenNameRightBefore(take)) {
        take.start = take.view.starts[take.first - 1];
        take.form = 'variant';
        take.byGivenName = true;
      }
      return PASS;
    },
  },
  {
    id: 'name-after',
    applies: shortOrNameLike,
    test: ({ view, next, nextGap, start, short }) => {
      if (!view.isNameNeighbour(next, nextGap) || view.isTitleCaseLine(start)) return PASS;
      // "Shehbaz Gill" is another person; "Washington Monument" is a thing, which says nothing about later mentions.
      return short ? DISOWN : REFUSE;
    },
  },
  {
    id: 'variant-needs-no-licence',
    applies: personShortOrNameLike,
    test: ({ byGivenName }) => (byGivenName ? ACCEPT : PASS),
  },
  {
    id: 'owned-elsewhere',
    applies: (alias) => alias.ownerKey !== undefined,
    test: ({ context, alias }) => {
      const owner = context.owners.get(alias.ownerKey!);
      return owner !== undefined && owner !== alias.entity ? REFUSE : PASS;
    },
  },
  {
    id: 'licence',
    applies: (alias) => alias.after !== undefined,
    test: ({ context, alias }) => {
      if (alias.after!.some((entity) => context.seen.has(entity))) return ACCEPT;
      for (const entity of alias.after!) context.waiting.add(entity);
      return REFUSE;
    },
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];
