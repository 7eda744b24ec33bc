/**
 * Writes the compiled index as the content script carries it (`PackedIndex`). Each form is written once, as its
 * words with their case and gaps, in the bucket of its first word; title forms are not written, as each entity
 * lists its titles and the matcher makes the forms it finds (`titleForm`). Runs at build and wherever a matcher
 * is made from a compiled index, so the tests match through the same decoding as the pages.
 */
import { foldKey } from './normalize';
import { bucketOf, CHUNK, ENTITY_ORDER, FORM_CHAR, GAP_CHAR, TITLE_ORDER } from './match-index';
import { CaseRule, type CompiledAlias, type CompiledIndex, type CompiledWords, type PackedIndex } from './types';

/** Characters the packed text separates with: no key or written word may hold one. */
const SEPARATORS = /[ .,'&~^>!*|#;+\n]/;

function checked(word: string): string {
  if (word === '' || SEPARATORS.test(word)) throw new Error(`the word "${word}" can't be packed`);
  return word;
}

/** The words of a form: a case mark (none for a capital, `~` for any case, `^` before a word written exactly), each after its gap. */
function pathOf({ keys, cases, words, gaps }: CompiledWords): string {
  return keys
    .map((key, t) => {
      const gap = t > 0 ? GAP_CHAR[gaps[t - 1]!] : '';
      if (cases[t] === CaseRule.Exact) {
        if (foldKey(words[t]!) !== key) throw new Error(`"${words[t]}" does not fold to its key "${key}"`);
        return `${gap}^${checked(words[t]!)}`;
      }
      return gap + (cases[t] === CaseRule.Any ? '~' : '') + checked(key);
    })
    .join('');
}

const b36 = (n: number) => n.toString(36);

/** What an alias is besides its words: `entity;form and flags;+after;claims;namesake set`. */
function aliasData(alias: CompiledAlias, entity: number, entityOf: Map<string, number>): string {
  const { keys } = alias;
  if (alias.ownerKey !== undefined && alias.ownerKey !== keys.join(' ')) throw new Error(`the owner key of "${keys.join(' ')}" is not its words`);
  const flags =
    FORM_CHAR[alias.form as keyof typeof FORM_CHAR] +
    (alias.trailingDot ? 'd' : '') +
    (alias.ownerKey !== undefined ? 'o' : '') +
    (alias.compoundOnly ? 'c' : '') +
    (alias.alsoWord ? 'w' : '') +
    (alias.nameLike ? 'k' : '');
  const after = alias.after ? `+${alias.after.map((id) => b36(entityOf.get(id)!)).join(',')}` : '';
  const claims = alias.claims.map((claim) => {
    if (claim === keys.join(' ')) return 'a';
    if (!keys.includes(claim)) throw new Error(`"${keys.join(' ')}" claims "${claim}", which is not among its words`);
    return b36(keys.indexOf(claim));
  });
  const namesakes = alias.namesakes === undefined ? '' : b36(alias.namesakes);
  return [b36(entity), flags, after, claims.join(','), namesakes].join(';').replace(/;+$/, '');
}

/** One entry of a bucket, with the trie node it ends at: its words and gaps, whatever their case. */
interface Entry {
  node: string;
  text: string;
  /** For an alias: its index in the compiled index. */
  position?: number;
}

const nodeOf = ({ keys, gaps }: CompiledWords) => keys.map((key, t) => (t > 0 ? GAP_CHAR[gaps[t - 1]!] : '') + key).join('');

function chunks(items: string[], separator: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < items.length; at += CHUNK) out.push(items.slice(at, at + CHUNK).join(separator));
  return out;
}

/** `extra`: what the page adds to each entity's line (its kind, topics, name), read back by whoever wrote it. */
export function packIndex(index: CompiledIndex, extra: (id: string) => string = () => ''): PackedIndex {
  const entityOf = new Map(index.entities.map((entity, n) => [entity.id, n]));
  const entries: Entry[] = [];
  index.aliases.forEach((alias, position) => {
    // Title forms are made again from the entity's titles where the matcher finds one.
    if (alias.markFrom > 0) return;
    const entity = entityOf.get(alias.entity);
    if (entity === undefined) throw new Error(`"${alias.entity}" has aliases but is not among the entities`);
    entries.push({ node: nodeOf(alias), text: `${pathOf(alias)}>${aliasData(alias, entity, entityOf)}`, position });
  });
  for (const name of index.otherNames) entries.push({ node: nodeOf(name), text: `${pathOf(name)}!` });
  for (const [t, title] of index.titles.entries())
    entries.push({ node: nodeOf(title), text: `${pathOf(title)}*${b36(t)}${title.trailingDot ? '.' : ''}` });
  const firstOf = (entry: Entry) => entry.node.split(/[ .,'&]/, 1)[0]!;
  const firsts = new Set(entries.map(firstOf)).size;
  let size = 1;
  // About two first words a bucket: a word that hits one decodes few forms it does not name.
  while (size * 2 < firsts) size *= 2;
  const buckets: Entry[][] = Array.from({ length: size }, () => []);
  for (const entry of entries) buckets[bucketOf(firstOf(entry), size)]!.push(entry);
  // Entries of one node side by side (gzip finds their shared words), in the index's order among themselves, which
  // the matcher keeps: the order of its trie's lists.
  for (const bucket of buckets) bucket.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  /** An alias's place among the aliases of its node, by which a near-miss target names it. */
  const rank = new Map<number, number>();
  for (const bucket of buckets) {
    bucket.forEach((entry, k) => {
      if (entry.position === undefined) return;
      let r = 0;
      for (let before = k - 1; before >= 0 && bucket[before]!.node === entry.node; before--) if (bucket[before]!.position !== undefined) r++;
      if (r >= TITLE_ORDER) throw new Error(`more than ${TITLE_ORDER} aliases are written "${entry.node}"`);
      rank.set(entry.position, r);
    });
  }
  const fuzzy: Record<string, string[]> = {};
  for (const { key, alias } of index.fuzzy) {
    fuzzy[key[0]!] ??= [];
    fuzzy[key[0]!]!.push(`${checked(key)}>${b36(rank.get(alias)!)}`);
  }
  const lines = index.entities.map(({ id, titles }, n) => {
    if (n >= Number.MAX_SAFE_INTEGER / ENTITY_ORDER || titles.length >= ENTITY_ORDER / TITLE_ORDER - 1) throw new Error(`"${id}" can't be packed`);
    const given = index.givenNames[id];
    return [checked(id), given ? '1' : '', titles.map(b36).join(','), (given ?? []).map(checked).join(','), extra(id)].join(';');
  });
  return {
    size,
    buckets: chunks(
      buckets.map((bucket) => bucket.map((entry) => entry.text).join('|')),
      '#',
    ),
    entities: chunks(lines, '\n'),
    fuzzy: Object.fromEntries(Object.entries(fuzzy).map(([letter, targets]) => [letter, targets.join('|')])),
    namesakes: index.namesakes,
  };
}
