/**
 * Writes the compiled index as the content script carries it (`PackedIndex`). Each form is written once, as its
 * words with their case and gaps, in the bucket of its first word; title forms are not written, as each entity
 * lists its titles and the matcher makes the forms it finds (`titleForm`). Runs at build and wherever a matcher
 * is made from a compiled index, so the tests match through the same decoding as the pages.
 */
import { foldKey } from './normalize';
import { bucketOf, ENTITY_ORDER, FORM_CHAR, GAP_CHAR, TITLE_ORDER } from './match-index';
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

/** What an alias is besides its words: `entity;local index;form and flags;+after;claims;namesake set`. */
function aliasData(alias: CompiledAlias, entity: number, local: number, entityOf: Map<string, number>): string {
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
  return [b36(entity), b36(local), flags, after, claims.join(','), namesakes].join(';').replace(/;+$/, '');
}

/** `extra`: what the page adds to each entity's line (its kind, topics, name), read back by whoever wrote it. */
export function packIndex(index: CompiledIndex, extra: (id: string) => string = () => ''): PackedIndex {
  const entityOf = new Map(index.entities.map((entity, n) => [entity.id, n]));
  const entries: [first: string, entry: string][] = [];
  const local = new Map<number, number>();
  const where: [entity: number, local: number][] = [];
  index.aliases.forEach((alias, position) => {
    // Title forms are made again from the entity's titles where the matcher finds one.
    if (alias.markFrom > 0) return;
    const entity = entityOf.get(alias.entity);
    if (entity === undefined) throw new Error(`"${alias.entity}" has aliases but is not among the entities`);
    const l = local.get(entity) ?? 0;
    if (l >= TITLE_ORDER) throw new Error(`"${alias.entity}" has more than ${TITLE_ORDER} aliases`);
    local.set(entity, l + 1);
    where[position] = [entity, l];
    entries.push([alias.keys[0]!, `${pathOf(alias)}>${aliasData(alias, entity, l, entityOf)}`]);
  });
  for (const name of index.otherNames) entries.push([name.keys[0]!, `${pathOf(name)}!`]);
  for (const [t, title] of index.titles.entries()) entries.push([title.keys[0]!, `${pathOf(title)}*${b36(t)}${title.trailingDot ? '.' : ''}`]);
  const firsts = new Set(entries.map(([first]) => first)).size;
  let size = 1;
  // About two first words a bucket: a word that hits one decodes few forms it does not name.
  while (size * 2 < firsts) size *= 2;
  const buckets: string[][] = Array.from({ length: size }, () => []);
  for (const [first, entry] of entries) buckets[bucketOf(first, size)]!.push(entry);
  const fuzzy: Record<string, string[]> = {};
  for (const { key, alias } of index.fuzzy) {
    const [entity, l] = where[alias]!;
    fuzzy[key[0]!] ??= [];
    fuzzy[key[0]!]!.push(`${checked(key)}>${b36(entity)};${b36(l)}`);
  }
  const lines = index.entities.map(({ id, titles }, n) => {
    if (n >= Number.MAX_SAFE_INTEGER / ENTITY_ORDER || titles.length >= ENTITY_ORDER / TITLE_ORDER - 1) throw new Error(`"${id}" can't be packed`);
    const given = index.givenNames[id];
    return [checked(id), given ? '1' : '', titles.map(b36).join(','), (given ?? []).map(checked).join(','), extra(id)].join(';');
  });
  return {
    size,
    buckets: buckets.map((bucket) => bucket.join('|')).join('#'),
    entities: lines.join('\n'),
    fuzzy: Object.fromEntries(Object.entries(fuzzy).map(([letter, targets]) => [letter, targets.join('|')])),
    namesakes: index.namesakes,
  };
}
