/**
 * Finds the mentions of known entities in plain text. Pure: no DOM, no
 * browser API. One pass over the words: each capitalised word (or number) is
 * looked up in a word trie built from the compiled aliases, the longest alias
 * that fits is tried first, and the page context decides short forms.
 */
import { editDistance, foldKey, gapKind, isAllCaps, isSpaceOnly, startsUpper, tokenize, visible } from './normalize';
import { GENERATION_SUFFIXES, NAME_PARTICLES, NOT_A_NAME } from './name-context';
import { namesakeShown } from './namesakes';
import { currency, inWebAddress, regionOfLanguage, wordInCapitals } from './page-chrome';
import { CaseRule, type CompiledAlias, type CompiledIndex, type CompiledWords, type Mention, type MatchVia, type Words } from './types';

/** What earlier text on the same page established, in document order. */
export interface MatchContext {
  /** Entities already named by a form that licenses short forms. */
  seen: Set<string>;
  /** Short form key → the entity that last owned it on the page; '' when another person did ("Nawaz Sharif"). */
  owners: Map<string, string>;
  /** Entities whose mention would have licensed a short form refused so far: naming one later is worth a second look. */
  waiting: Set<string>;
}

export function createContext(): MatchContext {
  return { seen: new Set(), owners: new Map(), waiting: new Set() };
}

export interface Matcher {
  /** Mentions in `text`, in order, never overlapping; `context` carries what earlier text on the page named. */
  match(text: string, context?: MatchContext): Mention[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Positions of the aliases that end here. */
  terminals: number[];
  /** Positions of the other names that end here. */
  others: number[];
}

const newNode = (): TrieNode => ({ children: new Map(), terminals: [], others: [] });

/** One trie of the aliases and the other names, so one longest-match lookup finds both. */
function buildTrie({ aliases, otherNames }: CompiledIndex): Map<string, TrieNode> {
  const root = new Map<string, TrieNode>();
  const step = (children: Map<string, TrieNode>, edge: string): TrieNode => {
    const existing = children.get(edge);
    if (existing) return existing;
    const created = newNode();
    children.set(edge, created);
    return created;
  };
  const insert = (name: CompiledWords): TrieNode => {
    let node = step(root, name.keys[0]);
    for (let k = 1; k < name.keys.length; k++) node = step(node.children, `${name.gaps[k - 1]} ${name.keys[k]}`);
    return node;
  };
  aliases.forEach((alias, position) => {
    insert(alias).terminals.push(position);
  });
  otherNames.forEach((name, position) => {
    insert(name).others.push(position);
  });
  return root;
}

const RUN_GAP = /^[ \t\u00A0\-\u2010-\u2014'\u2018-\u201E,.:;"!?&]{1,4}$/;
/** Inflected words in a Title Case headline are verbs ("Praises", "Backed"), not given names. */
const VERB_ENDING = /(s|ed|ing)$/;
const LOWER_START = /^\p{Ll}/u;
const TITLE_WORD = /\p{L}{4,}/gu;
const POSSESSIVE_BEFORE = /\p{Lu}\p{L}*['’]s\s$/u;
/** How far around a name to look when deciding whether its line is a Title Case headline. */
const LINE_WINDOW = 200;

/** A candidate: alias `alias` (or, with `other`, other name `alias`) fits words `first`..`last`. */
interface Candidate {
  alias: number;
  first: number;
  last: number;
  via?: MatchVia;
  other?: boolean;
}

export function createMatcher(index: CompiledIndex): Matcher {
  const root = buildTrie(index);
  const persons = new Set(Object.keys(index.givenNames));

  function match(text: string, context: MatchContext = createContext()): Mention[] {
    const starts: number[] = [];
    const ends: number[] = [];
    tokenize(text, starts, ends);
    const n = starts.length;
    const raw = (k: number) => text.slice(starts[k], ends[k]);
    const gapAfter = (k: number) => text.slice(ends[k], starts[k + 1]);
    const words: Words = { text, starts, ends };
    const mentions: Mention[] = [];
    let lastMentionWord = -1;

    const fitsCase = (alias: CompiledWords, first: number): boolean =>
      alias.cases.every((rule, t) => {
        if (rule === CaseRule.Any) return true;
        if (rule === CaseRule.Capital) return startsUpper(text, starts[first + t]);
        return visible(raw(first + t)) === alias.words[t];
      });

    /** Counts the ALL-CAPS words of the run around words first..last, stopping at 3. */
    function inShoutingRun(first: number, last: number): boolean {
      if (!isAllCaps(raw(first))) return false;
      let count = 1;
      const walk = (from: number, step: number, gapOf: (k: number) => string) => {
        for (let k = from; k >= 0 && k < n && count < 3; k += step) {
          if (!RUN_GAP.test(gapOf(k))) return;
          const w = raw(k);
          if (!isAllCaps(w)) return;
          if (w.length >= 2) count++;
        }
      };
      walk(first - 1, -1, (k) => gapAfter(k));
      walk(last + 1, 1, (k) => gapAfter(k - 1));
      return count >= 3;
    }

    function isTitleCaseLine(at: number): boolean {
      const from = Math.max(text.lastIndexOf('\n', at) + 1, at - LINE_WINDOW);
      let to = text.indexOf('\n', at);
      if (to < 0 || to > at + LINE_WINDOW) to = Math.min(text.length, at + LINE_WINDOW);
      const line = text.slice(from, to);
      // A list of names reads like Title Case too ("(Reporting by Sharif Rind; Editing by …)"); headlines don't hold ";" or "(".
      if (/[;(]/.test(line)) return false;
      let words = 0;
      let capitals = 0;
      for (const m of line.matchAll(TITLE_WORD)) {
        words++;
        if (startsUpper(m[0], 0)) capitals++;
      }
      return words >= 3 && capitals / words >= 0.8;
    }

    /** A capitalised neighbour that reads as part of another name ("Nawaz" before "Sharif"). */
    function isNameNeighbour(k: number, gap: string): boolean {
      return k >= 0 && k < n && k > lastMentionWord && isSpaceOnly(gap) && startsUpper(text, starts[k]) && !NOT_A_NAME.has(foldKey(raw(k)));
    }

    function resembleGivenName(entity: string, k: number): boolean {
      const key = foldKey(raw(k));
      return (index.givenNames[entity] ?? []).some((given) => given[0] === key[0] && editDistance(key, given, 2) <= 2);
    }

    function disown(alias: CompiledAlias): null {
      if (alias.ownerKey !== undefined) context.owners.set(alias.ownerKey, '');
      return null;
    }

    /** A capitalised word right before a name that reads as another person's given name ("Nawaz" Sharif, "Denzel" Washington). */
    function givenNameBefore(k: number, at: number): boolean {
      if (!isNameNeighbour(k, gapAfter(k))) return false;
      return !isTitleCaseLine(at) || !VERB_ENDING.test(foldKey(raw(k)));
    }

    /** Applies the page rules to a candidate; returns the mention or null. */
    function decide({ alias: position, first, last, via }: Candidate): Mention | null {
      const alias = index.aliases[position];
      const next = last + 1 < n ? last + 1 : -1;
      const nextGap = next >= 0 ? gapAfter(last) : '';
      const nextKey = next >= 0 ? foldKey(raw(next)) : '';
      let start = starts[first + alias.markFrom];
      let end = ends[last];
      let form: MatchVia = via ?? (alias.form === 'short' ? (alias.after ? 'context' : 'short') : alias.form);
      const short = alias.form === 'short';
      let byGivenName = false;

      if (alias.compoundOnly && !(next >= 0 && gapKind(nextGap) === 'space' && !/\s/.test(nextGap) && startsUpper(text, starts[next]))) return null;
      if (alias.namesakes !== undefined && namesakeShown(words, first, last, index.namesakes[alias.namesakes])) return null;
      if (regionOfLanguage(words, first, alias.trailingDot && text[end] === '.' ? end + 1 : end, alias.form === 'acronym')) return null;
      if ((alias.alsoWord && wordInCapitals(words, first)) || inWebAddress(text, end)) return null;
      if (persons.has(alias.entity) && next >= 0 && GENERATION_SUFFIXES.has(nextKey) && /^,?\s+$/.test(nextGap)) return disown(alias);
      if ((short || alias.form === 'acronym') && inShoutingRun(first, last)) return null;
      // "Britain’s Foreign Office": after another name's possessive, a generic short form is that one's own office.
      if (short && !persons.has(alias.entity) && POSSESSIVE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return null;
      // "US$10 billion" and "$25,000 U.S." name a currency, not the country.
      if (alias.form === 'acronym' && currency(text, start, end)) return null;
      // A full name right after another given name belongs to someone else ("Hamza Shahbaz Sharif").
      if (!short && alias.markFrom === 0 && persons.has(alias.entity) && first > 0 && givenNameBefore(first - 1, start)) return null;
      if (short || alias.nameLike) {
        if (next >= 0 && gapKind(nextGap) === 'space' && NAME_PARTICLES.has(nextKey) && LOWER_START.test(raw(next))) return disown(alias);
        const before = first - 1;
        if (before >= 0 && givenNameBefore(before, start)) {
          if (!persons.has(alias.entity) || !resembleGivenName(alias.entity, before)) return disown(alias);
          if (before > 0 && givenNameBefore(before - 1, start)) return null;
          start = starts[before];
          form = 'variant';
          byGivenName = true;
        }
        if (isNameNeighbour(next, nextGap) && !isTitleCaseLine(start)) {
          // "Shehbaz Gill" is another person; "Washington Monument" is a thing, which says nothing about later mentions.
          return short ? disown(alias) : null;
        }
      }
      // A near-miss of the full name ("Masood Pezeshkian") names the person itself, so it needs no licence.
      if (!byGivenName) {
        if (alias.ownerKey !== undefined) {
          const owner = context.owners.get(alias.ownerKey);
          if (owner !== undefined && owner !== alias.entity) return null;
        }
        if (alias.after && !alias.after.some((entity) => context.seen.has(entity))) {
          for (const entity of alias.after) context.waiting.add(entity);
          return null;
        }
      }

      if (alias.trailingDot && text[end] === '.') end++;
      if (!short || byGivenName) context.seen.add(alias.entity);
      for (const key of alias.claims) context.owners.set(key, alias.entity);
      return { entity: alias.entity, start, end, text: text.slice(start, end), via: form };
    }

    function candidatesAt(i: number, key: string): Candidate[] {
      const found: Candidate[] = [];
      let node = root.get(key);
      let j = i;
      while (node) {
        for (const position of node.terminals) {
          if (fitsCase(index.aliases[position], i)) found.push({ alias: position, first: i, last: j });
        }
        for (const position of node.others) {
          if (fitsCase(index.otherNames[position], i)) found.push({ alias: position, first: i, last: j, other: true });
        }
        if (node.children.size === 0 || j + 1 >= n) break;
        const gap = gapKind(gapAfter(j));
        if (!gap) break;
        node = node.children.get(`${gap} ${foldKey(raw(j + 1))}`);
        j++;
      }
      if (found.length === 0 && key.length >= 7) {
        for (const target of index.fuzzy) {
          if (target.key[0] !== key[0]) continue;
          if (editDistance(key, target.key, key.length >= 10 ? 2 : 1) <= (key.length >= 10 ? 2 : 1)) {
            found.push({ alias: target.alias, first: i, last: i, via: 'variant' });
          }
        }
      }
      return found;
    }

    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(starts[i]);
      if (code >= 97 && code <= 122) continue;
      const isDigit = code >= 48 && code <= 57;
      if (!isDigit && !startsUpper(text, starts[i])) continue;
      const candidates = candidatesAt(i, foldKey(raw(i)));
      for (let c = candidates.length - 1; c >= 0; c--) {
        // An other name that fits is one name Gloss does not know: its words are consumed and mark nothing.
        const mention = candidates[c].other ? null : decide(candidates[c]);
        if (!mention && !candidates[c].other) continue;
        if (mention) mentions.push(mention);
        i = candidates[c].last;
        lastMentionWord = i;
        break;
      }
    }
    return mentions;
  }

  return { match };
}
