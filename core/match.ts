/**
 * Finds the mentions of known entities in plain text. Pure: no DOM, no
 * browser API. One pass over the words: each capitalised word (or number) is
 * looked up in a word trie built from the compiled aliases, the longest alias
 * that fits is tried first, and the rule table (`match-rules.ts`) decides it
 * from the page around it.
 */
import { editDistance, foldKey, gapKind, startsUpper, visible } from './normalize';
import { DISOWN, type MatchContext, PASS, REFUSE, RULES, type Rule, type RuleId, type Take, type Verdict } from './match-rules';
import { FUZZY_SURNAME_LENGTH, FUZZY_TWO_EDITS_FROM } from './match-thresholds';
import { TokenView } from './match-view';
import { CaseRule, type CompiledAlias, type CompiledIndex, type CompiledWords, type Mention, type MatchVia } from './types';

export type { MatchContext } from './match-rules';

export function createContext(): MatchContext {
  return { seen: new Set(), owners: new Map(), waiting: new Set() };
}

/** What the rules made of one candidate span, for `annotate --why`. */
export interface Decision {
  /** The candidate's words, title words included, as UTF-16 offsets. */
  start: number;
  end: number;
  /** The alias that fits them, or the other name (which names no entity Gloss knows). */
  alias: CompiledAlias | CompiledWords;
  /**
   * The rule that decided; `form` when none did and the form alone named the entity, `other-name` when a longer
   * name Gloss does not know took the words.
   */
  rule: RuleId | 'form' | 'other-name';
  mention: Mention | null;
}

export interface Matcher {
  /**
   * Mentions in `text`, in order, never overlapping; `context` carries what earlier text on the page named.
   * `explain` hears every candidate span in the order it is decided: an alias by the rules, an other name by
   * taking its words.
   */
  match(text: string, context?: MatchContext, explain?: (decision: Decision) => void): Mention[];
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

/** A candidate: alias `alias` (or, with `other`, other name `alias`) fits words `first`..`last`. */
interface Candidate {
  alias: number;
  first: number;
  last: number;
  via?: MatchVia;
  other?: boolean;
}

/** Only a word starting with a capital or a digit can start a name: text without one has no candidate. */
const MAY_NAME = /[\p{Lu}0-9]/u;

function fitsCase(view: TokenView, alias: CompiledWords, first: number): boolean {
  return alias.cases.every((rule, t) => {
    if (rule === CaseRule.Any) return true;
    if (rule === CaseRule.Capital) return view.upper(first + t);
    return visible(view.raw(first + t)) === alias.words[t];
  });
}

/** `rules`: the rule table, in order; tests leave one out to show what it does. */
export function createMatcher(index: CompiledIndex, rules: readonly Rule[] = RULES): Matcher {
  const root = buildTrie(index);
  const persons = new Set(Object.keys(index.givenNames));
  // An alias's rules are sorted out when it is first a candidate: most aliases of a large knowledge never are on a page.
  const chains: (readonly Rule[])[] = [];
  const chainOf = (position: number) => {
    const alias = index.aliases[position];
    chains[position] ??= rules.filter((rule) => rule.applies(alias, persons.has(alias.entity)));
    return chains[position];
  };
  // Near-miss targets by first letter, which a near miss shares: a word is compared with its own letter's only.
  const fuzzy = new Map<string, CompiledIndex['fuzzy']>();
  for (const target of index.fuzzy) {
    const letter = fuzzy.get(target.key[0]);
    if (letter) letter.push(target);
    else fuzzy.set(target.key[0], [target]);
  }
  // A page repeats its capitalised words ("Officials", "Traders"): each one's near misses are looked for once.
  const nearMisses = new Map<string, number[]>();
  function nearMissesOf(key: string): number[] {
    let aliases = nearMisses.get(key);
    if (!aliases) {
      const edits = key.length >= FUZZY_TWO_EDITS_FROM ? 2 : 1;
      aliases = (fuzzy.get(key[0]) ?? []).filter((target) => editDistance(key, target.key, edits) <= edits).map((target) => target.alias);
      nearMisses.set(key, aliases);
    }
    return aliases;
  }

  function candidatesAt(view: TokenView, i: number, key: string): Candidate[] {
    const found: Candidate[] = [];
    let node = root.get(key);
    let j = i;
    while (node) {
      for (const position of node.terminals) {
        if (fitsCase(view, index.aliases[position], i)) found.push({ alias: position, first: i, last: j });
      }
      for (const position of node.others) {
        if (fitsCase(view, index.otherNames[position], i)) found.push({ alias: position, first: i, last: j, other: true });
      }
      if (node.children.size === 0 || j + 1 >= view.n) break;
      const gap = gapKind(view.gapAfter(j));
      if (!gap) break;
      node = node.children.get(`${gap} ${view.key(j + 1)}`);
      j++;
    }
    // One edit can drop a letter, so a key one shorter than the surnames may still be a near-miss of one.
    if (found.length === 0 && key.length >= FUZZY_SURNAME_LENGTH - 1) {
      for (const alias of nearMissesOf(key)) found.push({ alias, first: i, last: i, via: 'variant' });
    }
    return found;
  }

  /** The rule that decided the latest candidate. */
  let decidedBy: Decision['rule'] = 'form';

  /** Runs the alias's rules over a candidate; returns the mention or null. */
  function decide(view: TokenView, context: MatchContext, { alias: position, first, last, via }: Candidate): Mention | null {
    const alias = index.aliases[position];
    const next = last + 1 < view.n ? last + 1 : -1;
    const short = alias.form === 'short';
    const take: Take = {
      view,
      context,
      index,
      alias,
      person: persons.has(alias.entity),
      short,
      first,
      last,
      next,
      nextGap: next >= 0 ? view.gapAfter(last) : '',
      nextKey: next >= 0 ? view.key(next) : '',
      start: view.starts[first + alias.markFrom],
      end: view.ends[last],
      form: via ?? (short ? (alias.after ? 'context' : 'short') : alias.form),
      byGivenName: false,
    };
    const chain = chainOf(position);
    let verdict: Verdict = PASS;
    decidedBy = 'form';
    for (const rule of chain) {
      verdict = rule.test(take);
      if (verdict === PASS) continue;
      decidedBy = rule.id as RuleId;
      break;
    }
    if (verdict === REFUSE || verdict === DISOWN) {
      if (verdict === DISOWN && alias.ownerKey !== undefined) context.owners.set(alias.ownerKey, '');
      return null;
    }
    if (alias.trailingDot && view.text[take.end] === '.') take.end++;
    if (!short || take.byGivenName) context.seen.add(alias.entity);
    for (const key of alias.claims) context.owners.set(key, alias.entity);
    return { entity: alias.entity, start: take.start, end: take.end, text: view.text.slice(take.start, take.end), via: take.form };
  }

  function match(text: string, context: MatchContext = createContext(), explain?: (decision: Decision) => void): Mention[] {
    if (!MAY_NAME.test(text)) return [];
    const view = new TokenView(text);
    const { starts, n } = view;
    const mentions: Mention[] = [];
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(starts[i]);
      if (code >= 97 && code <= 122) continue;
      const isDigit = code >= 48 && code <= 57;
      if (!isDigit && !startsUpper(text, starts[i])) continue;
      const candidates = candidatesAt(view, i, foldKey(view.raw(i)));
      for (let c = candidates.length - 1; c >= 0; c--) {
        const { alias, first, last, other } = candidates[c];
        // An other name that fits is one name Gloss does not know: its words are consumed and mark nothing.
        const mention = other ? null : decide(view, context, candidates[c]);
        explain?.({
          start: starts[first],
          end: view.ends[last],
          alias: other ? index.otherNames[alias] : index.aliases[alias],
          rule: other ? 'other-name' : decidedBy,
          mention,
        });
        if (!mention && !other) continue;
        if (mention) mentions.push(mention);
        i = last;
        view.taken = i;
        break;
      }
    }
    return mentions;
  }

  return { match };
}
