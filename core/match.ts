/**
 * Finds the mentions of known entities in plain text. Pure: no DOM, no
 * browser API. One pass over the words: each capitalised word (or number) is
 * looked up in a word trie of the compiled aliases, decoded from the packed
 * index bucket by bucket as the page's words reach it (`match-index.ts`); the
 * longest alias that fits is tried first, and the rule table (`match-rules.ts`)
 * decides it from the page around it.
 */
import { editDistance, foldKey, gapKind, startsUpper, visible } from './normalize';
import { DISOWN, type MatchContext, PASS, REFUSE, RULES, type Rule, type RuleId, type Take, type Verdict } from './match-rules';
import { IndexReader, TITLE_ORDER, type Terminal, type TitleTerminal, type TrieNode } from './match-index';
import { packIndex } from './match-pack';
import { takesTitle, titleForm } from './match-title';
import { FUZZY_SURNAME_LENGTH, FUZZY_TWO_EDITS_FROM } from './match-thresholds';
import { TokenView } from './match-view';
import { CaseRule, type CompiledAlias, type CompiledIndex, type CompiledWords, type Mention, type MatchVia, type PackedIndex } from './types';

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

/** A candidate: an alias (or, with `other`, an other name) fits words `first`..`last`. */
interface Candidate {
  terminal?: Terminal;
  other?: CompiledWords;
  first: number;
  last: number;
  via?: MatchVia;
}

/** Candidates in the order of the compiled index's trie: by their last word, then aliases before other names, then by form. */
const inTrieOrder = (a: Candidate, b: Candidate) =>
  a.last - b.last || (a.other ? 1 : 0) - (b.other ? 1 : 0) || (a.terminal && b.terminal ? a.terminal.order - b.terminal.order : 0);

/** Only a word starting with a capital or a digit can start a name: text without one has no candidate. */
const MAY_NAME = /[\p{Lu}0-9]/u;

function fitsCase(view: TokenView, alias: CompiledWords, first: number): boolean {
  return alias.cases.every((rule, t) => {
    if (rule === CaseRule.Any) return true;
    if (rule === CaseRule.Capital) return view.upper(first + t);
    return visible(view.raw(first + t)) === alias.words[t];
  });
}

/** Follows the page's words from word `i` down the trie from `node`, visiting each node with the word it ends at. */
function walk(view: TokenView, i: number, node: TrieNode | undefined, visit: (node: TrieNode, j: number) => void): void {
  let j = i;
  while (node) {
    visit(node, j);
    if (!node.children || j + 1 >= view.n) break;
    const gap = gapKind(view.gapAfter(j));
    if (!gap) break;
    node = node.children.get(`${gap} ${view.key(j + 1)}`);
    j++;
  }
}

/** A matcher of a compiled index, through the packed form the pages read (`rules`: the rule table, in order; tests leave one out to show what it does). */
export function createMatcher(index: CompiledIndex, rules: readonly Rule[] = RULES): Matcher {
  return packedMatcher(packIndex(index), rules);
}

export function packedMatcher(packed: PackedIndex | IndexReader, rules: readonly Rule[] = RULES): Matcher {
  const index = packed instanceof IndexReader ? packed : new IndexReader(packed);
  // An alias's rules are sorted out when it is first a candidate: most aliases of a large knowledge never are on a page.
  const chains = new Map<CompiledAlias, readonly Rule[]>();
  const chainOf = ({ alias, person }: Terminal) => {
    let chain = chains.get(alias);
    if (!chain) {
      chain = rules.filter((rule) => rule.applies(alias, person));
      chains.set(alias, chain);
    }
    return chain;
  };
  // A page repeats its capitalised words ("Officials", "Traders"): each one's near misses are looked for once.
  const nearMisses = new Map<string, Terminal[]>();
  function nearMissesOf(key: string): Terminal[] {
    let aliases = nearMisses.get(key);
    if (!aliases) {
      const edits = key.length >= FUZZY_TWO_EDITS_FROM ? 2 : 1;
      // Near-miss targets by first letter, which a near miss shares: a word is compared with its own letter's only.
      aliases = index
        .nearMissTargets(key[0]!)
        .filter((target) => editDistance(key, target.key, edits) <= edits)
        .map((target) => index.target(target));
      nearMisses.set(key, aliases);
    }
    return aliases;
  }
  const titleForms = new Map<string, Terminal | null>();
  /** The title form of `title` before the alias, or null when its entity has no such title or the alias takes none. */
  function titled({ id, title }: TitleTerminal, base: Terminal): Terminal | null {
    const key = `${id} ${base.entity} ${base.order}`;
    let form = titleForms.get(key);
    if (form === undefined) {
      const rank = index.entity(base.entity).titles.indexOf(id);
      form = null;
      if (rank >= 0 && takesTitle(base.alias)) {
        const alias = titleForm(title, base.alias);
        form = { words: alias, alias, person: base.person, order: base.order + (rank + 1) * TITLE_ORDER, entity: base.entity, rank: base.rank };
      }
      titleForms.set(key, form);
    }
    return form;
  }

  /** The title forms of a title at words `i`..`j` before an alias that follows it. */
  function titleCandidates(view: TokenView, i: number, j: number, title: TitleTerminal, found: Candidate[]): boolean {
    if (j + 1 >= view.n || gapKind(view.gapAfter(j)) !== (title.title.trailingDot ? 'dot' : 'space')) return false;
    const before = found.length;
    walk(view, j + 1, index.root(view.key(j + 1)), (node, last) => {
      for (const terminal of node.terminals) {
        const form = titled(title, terminal);
        if (form && fitsCase(view, form.words, i)) found.push({ terminal: form, first: i, last });
      }
    });
    return found.length > before;
  }

  function candidatesAt(view: TokenView, i: number, key: string): Candidate[] {
    const found: Candidate[] = [];
    let titles = false;
    walk(view, i, index.root(key), (node, j) => {
      for (const terminal of node.terminals) if (fitsCase(view, terminal.words, i)) found.push({ terminal, first: i, last: j });
      for (const other of node.others) if (fitsCase(view, other, i)) found.push({ other, first: i, last: j });
      for (const title of node.titles) if (titleCandidates(view, i, j, title, found)) titles = true;
    });
    if (titles) found.sort(inTrieOrder);
    // One edit can drop a letter, so a key one shorter than the surnames may still be a near-miss of one.
    if (found.length === 0 && key.length >= FUZZY_SURNAME_LENGTH - 1) {
      for (const terminal of nearMissesOf(key)) found.push({ terminal, first: i, last: i, via: 'variant' });
    }
    return found;
  }

  /** The rule that decided the latest candidate. */
  let decidedBy: Decision['rule'] = 'form';

  /** Runs the alias's rules over a candidate; returns the mention or null. */
  function decide(view: TokenView, context: MatchContext, terminal: Terminal, { first, last, via }: Candidate): Mention | null {
    const { alias, person } = terminal;
    const next = last + 1 < view.n ? last + 1 : -1;
    const short = alias.form === 'short';
    const take: Take = {
      view,
      context,
      index,
      alias,
      person,
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
    const chain = chainOf(terminal);
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
        const candidate = candidates[c]!;
        const { terminal, first, last, other } = candidate;
        // An other name that fits is one name Gloss does not know: its words are consumed and mark nothing.
        const mention = terminal ? decide(view, context, terminal, candidate) : null;
        explain?.({
          start: starts[first],
          end: view.ends[last],
          alias: terminal ? terminal.alias : other!,
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
