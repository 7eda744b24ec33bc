/**
 * Reads the packed index (`PackedIndex`) as the page's words reach it: a bucket is decoded into its part of the
 * word trie the first time a word hashes to it, an entity's line the first time one of its forms is found, and
 * near-miss targets by letter. Loading the index costs nothing more than its strings, whatever its size.
 */
import { foldKey, type Gap } from './normalize';
import {
  CaseRule,
  type AliasForm,
  type CompiledAlias,
  type CompiledNamesakes,
  type CompiledTitle,
  type CompiledWords,
  type PackedIndex,
} from './types';

export const GAP_CHAR: Record<Gap, string> = { space: ' ', dot: '.', comma: ',', apostrophe: "'", amp: '&' };
const GAP_OF = Object.fromEntries(Object.entries(GAP_CHAR).map(([gap, char]) => [char, gap])) as Record<string, Gap>;
export const FORM_CHAR = { name: 'n', variant: 'v', acronym: 'a', short: 's' } as const;
const FORM_OF = Object.fromEntries(Object.entries(FORM_CHAR).map(([form, char]) => [char, form])) as Record<string, AliasForm>;

/**
 * A form's place in the order the compiled index lists them, which decides between forms found together: entity by
 * entity, its aliases (in the order of their node, below `TITLE_ORDER`), then its title forms title by title.
 */
export const TITLE_ORDER = 1024;
export const ENTITY_ORDER = 1024 * TITLE_ORDER;

/** FNV-1a: the build and the page hash a first word alike. */
export function bucketOf(key: string, size: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & (size - 1);
}

/** An alias that ends at a trie node. */
export interface Terminal {
  alias: CompiledAlias;
  person: boolean;
  /** Its place in the index's order (see `TITLE_ORDER`). */
  order: number;
  entity: number;
  /** Its place among the aliases of its node. */
  rank: number;
}

export interface TitleTerminal {
  id: number;
  title: CompiledTitle;
}

export interface TrieNode {
  children: Map<string, TrieNode>;
  terminals: Terminal[];
  /** The other names that end here. */
  others: CompiledWords[];
  titles: TitleTerminal[];
}

/** A one-word alias that near misses resolve to: its key, and its rank among the aliases of that key's node. */
export interface NearMissTarget {
  key: string;
  rank: number;
}

export interface IndexEntity {
  id: string;
  person: boolean;
  titles: number[];
  givenNames: string[];
  /** What the page wrote after the matcher's part of the line. */
  extra: string;
}

const PATH_WORD = /([ .,'&]?)([~^]?)([^ .,'&]+)/g;
const ENTRY_KIND = /[>!*]/;

function readPath(path: string): CompiledWords {
  const words: CompiledWords = { keys: [], cases: [], words: [], gaps: [] };
  for (const [, gap, mark, word] of path.matchAll(PATH_WORD)) {
    if (gap) words.gaps.push(GAP_OF[gap]!);
    const exact = mark === '^';
    words.keys.push(exact ? foldKey(word!) : word!);
    words.cases.push(exact ? CaseRule.Exact : mark === '~' ? CaseRule.Any : CaseRule.Capital);
    words.words.push(exact ? word! : '');
  }
  return words;
}

function step(children: Map<string, TrieNode>, edge: string): TrieNode {
  const existing = children.get(edge);
  if (existing) return existing;
  const created: TrieNode = { children: new Map(), terminals: [], others: [], titles: [] };
  children.set(edge, created);
  return created;
}

export class IndexReader {
  readonly namesakes: readonly CompiledNamesakes[];
  private segments: string[] | null = null;
  private readonly roots: (Map<string, TrieNode> | undefined)[] = [];
  private lines: string[] | null = null;
  private readonly entities: IndexEntity[] = [];
  private readonly byId = new Map<string, IndexEntity>();
  private readonly targets = new Map<string, NearMissTarget[]>();

  constructor(private readonly packed: PackedIndex) {
    this.namesakes = packed.namesakes;
  }

  /** The trie node of a first word, or undefined when no form starts with it. */
  root(key: string): TrieNode | undefined {
    const bucket = bucketOf(key, this.packed.size);
    let root = this.roots[bucket];
    if (!root) {
      this.segments ??= this.packed.buckets.split('#');
      root = this.roots[bucket] = this.decode(this.segments[bucket]!);
    }
    return root.get(key);
  }

  entity(n: number): IndexEntity {
    let entity = this.entities[n];
    if (!entity) {
      this.lines ??= this.packed.entities.split('\n');
      const [id, person, titles, given, ...extra] = this.lines[n]!.split(';');
      entity = this.entities[n] = {
        id: id!,
        person: person === '1',
        titles: titles ? titles.split(',').map((t) => Number.parseInt(t, 36)) : [],
        givenNames: given ? given.split(',') : [],
        extra: extra.join(';'),
      };
      this.byId.set(entity.id, entity);
    }
    return entity;
  }

  /** The entity of an id; every form the matcher found has had its entity read already. */
  entityById(id: string): IndexEntity | undefined {
    const known = this.byId.get(id);
    if (known) return known;
    this.lines ??= this.packed.entities.split('\n');
    const n = this.lines.findIndex((line) => line.startsWith(`${id};`));
    return n < 0 ? undefined : this.entity(n);
  }

  givenNames(id: string): readonly string[] {
    return this.entityById(id)?.givenNames ?? [];
  }

  /** The near-miss targets whose key starts with `letter`, in the index's order. */
  nearMissTargets(letter: string): readonly NearMissTarget[] {
    let targets = this.targets.get(letter);
    if (!targets) {
      const packed = this.packed.fuzzy[letter];
      targets = packed
        ? packed.split('|').map((target) => {
            const [key, rank] = target.split('>');
            return { key: key!, rank: Number.parseInt(rank!, 36) };
          })
        : [];
      this.targets.set(letter, targets);
    }
    return targets;
  }

  /** The one-word alias a near-miss target stands for. */
  target({ key, rank }: NearMissTarget): Terminal {
    return this.root(key)!.terminals[rank]!;
  }

  private decode(segment: string): Map<string, TrieNode> {
    const root = new Map<string, TrieNode>();
    if (segment === '') return root;
    for (const entry of segment.split('|')) {
      const at = entry.search(ENTRY_KIND);
      const words = readPath(entry.slice(0, at));
      let node = step(root, words.keys[0]!);
      for (let k = 1; k < words.keys.length; k++) node = step(node.children, `${words.gaps[k - 1]} ${words.keys[k]}`);
      const data = entry.slice(at + 1);
      if (entry[at] === '>') node.terminals.push(this.alias(words, data, node.terminals.length));
      else if (entry[at] === '!') node.others.push(words);
      else node.titles.push({ id: Number.parseInt(data, 36), title: { ...words, trailingDot: data.endsWith('.') } });
    }
    return root;
  }

  private alias(words: CompiledWords, data: string, rank: number): Terminal {
    const [entityField, flags, after, claims, namesakes] = data.split(';');
    const n = Number.parseInt(entityField!, 36);
    const entity = this.entity(n);
    const { keys } = words;
    const alias: CompiledAlias = {
      entity: entity.id,
      form: FORM_OF[flags![0]!]!,
      ...words,
      markFrom: 0,
      trailingDot: flags!.includes('d'),
      claims: claims ? claims.split(',').map((claim) => (claim === 'a' ? keys.join(' ') : keys[Number.parseInt(claim, 36)]!)) : [],
    };
    if (after)
      alias.after =
        after.length > 1
          ? after
              .slice(1)
              .split(',')
              .map((id) => this.entity(Number.parseInt(id, 36)).id)
          : [];
    if (flags!.includes('o')) alias.ownerKey = keys.join(' ');
    if (flags!.includes('c')) alias.compoundOnly = true;
    if (flags!.includes('w')) alias.alsoWord = true;
    if (namesakes) alias.namesakes = Number.parseInt(namesakes, 36);
    if (flags!.includes('k')) alias.nameLike = true;
    return { alias, person: entity.person, order: n * ENTITY_ORDER + rank, entity: n, rank };
  }
}
