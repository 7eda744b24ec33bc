/**
 * Reads the packed index (`PackedIndex`) as the page's words reach it: a first word's part of the word trie is
 * decoded from its bucket the first time the page has the word, an alias's data and its entity's line the first
 * time it is a candidate, near-miss targets letter by letter. Loading the index costs nothing more than its
 * strings, whatever its size.
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

/** Buckets and entity lines are packed in chunks of this many, so that a page splits only the chunks it reaches. */
export const CHUNK = 64;

/** An alias that ends at a trie node. */
export interface Terminal {
  /** Its words, by which its case is checked before anything else of it is read. */
  readonly words: CompiledWords;
  readonly alias: CompiledAlias;
  readonly person: boolean;
  /** Its place in the index's order (see `TITLE_ORDER`). */
  readonly order: number;
  readonly entity: number;
  /** Its place among the aliases of its node. */
  readonly rank: number;
}

export interface TitleTerminal {
  id: number;
  title: CompiledTitle;
}

export interface TrieNode {
  /** Null at a leaf, as most nodes are. */
  children: Map<string, TrieNode> | null;
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

const ENTRY_KIND = /[>!*]/;

function readPath(path: string): CompiledWords {
  const words: CompiledWords = { keys: [], cases: [], words: [], gaps: [] };
  for (let at = 0; at < path.length; ) {
    const gap = GAP_OF[path[at]!];
    if (gap) {
      words.gaps.push(gap);
      at++;
    }
    const mark = path[at];
    if (mark === '~' || mark === '^') at++;
    let end = at;
    while (end < path.length && !GAP_OF[path[end]!]) end++;
    const word = path.slice(at, end);
    const exact = mark === '^';
    words.keys.push(exact ? foldKey(word) : word);
    words.cases.push(exact ? CaseRule.Exact : mark === '~' ? CaseRule.Any : CaseRule.Capital);
    words.words.push(exact ? word : '');
    at = end;
  }
  return words;
}

/** An alias as its bucket has it: what it is besides its words is read when it is first a candidate. */
class PackedTerminal implements Terminal {
  readonly entity: number;
  readonly order: number;
  private read: CompiledAlias | null = null;

  constructor(
    private readonly index: IndexReader,
    readonly words: CompiledWords,
    private readonly data: string,
    readonly rank: number,
  ) {
    this.entity = Number.parseInt(data, 36);
    this.order = this.entity * ENTITY_ORDER + rank;
  }

  get alias(): CompiledAlias {
    this.read ??= this.index.readAlias(this.words, this.data);
    return this.read;
  }

  get person(): boolean {
    return this.index.entity(this.entity).person;
  }
}

const newNode = (): TrieNode => ({ children: null, terminals: [], others: [], titles: [] });

function step(node: TrieNode, edge: string): TrieNode {
  node.children ??= new Map();
  const existing = node.children.get(edge);
  if (existing) return existing;
  const created = newNode();
  node.children.set(edge, created);
  return created;
}

/** Where the first word of an entry ends. */
const FIRST_WORD_END = /[ .,'&>!*]/;

/** The key of an entry's first word, read without reading the rest. */
function firstKey(entry: string): string {
  const mark = entry[0];
  const from = mark === '~' || mark === '^' ? 1 : 0;
  const word = entry.slice(from, from + entry.slice(from).search(FIRST_WORD_END));
  return mark === '^' ? foldKey(word) : word;
}

export class IndexReader {
  readonly namesakes: readonly CompiledNamesakes[];
  private readonly segments: string[][] = [];
  /** Each bucket's entries, once a word has hashed to it. */
  private readonly entries: string[][] = [];
  /** The first words looked up so far, with their node or null. */
  private readonly roots = new Map<string, TrieNode | null>();
  private readonly lines: string[][] = [];
  private readonly entities: IndexEntity[] = [];
  private readonly byId = new Map<string, IndexEntity>();
  private readonly targets = new Map<string, NearMissTarget[]>();

  constructor(private readonly packed: PackedIndex) {
    this.namesakes = packed.namesakes;
  }

  /** The trie node of a first word, or undefined when no form starts with it. */
  root(key: string): TrieNode | undefined {
    let root = this.roots.get(key);
    if (root === undefined) {
      root = this.decode(key);
      this.roots.set(key, root);
    }
    return root ?? undefined;
  }

  entity(n: number): IndexEntity {
    let entity = this.entities[n];
    if (!entity) {
      const [id, person, titles, given, ...extra] = this.line(n).split(';');
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
    for (let chunk = 0; chunk < this.packed.entities.length; chunk++) {
      const at = this.chunkOfLines(chunk).findIndex((line) => line.startsWith(`${id};`));
      if (at >= 0) return this.entity(chunk * CHUNK + at);
    }
    return undefined;
  }

  private chunkOfLines(chunk: number): string[] {
    this.lines[chunk] ??= this.packed.entities[chunk]!.split('\n');
    return this.lines[chunk]!;
  }

  private line(n: number): string {
    return this.chunkOfLines(Math.floor(n / CHUNK))[n % CHUNK]!;
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

  /** The subtree of a first word from the entries of its bucket that start with it; null when none does. */
  private decode(key: string): TrieNode | null {
    const bucket = bucketOf(key, this.packed.size);
    let entries = this.entries[bucket];
    if (!entries) {
      const chunk = Math.floor(bucket / CHUNK);
      this.segments[chunk] ??= this.packed.buckets[chunk]!.split('#');
      const segment = this.segments[chunk]![bucket % CHUNK]!;
      entries = segment === '' ? [] : segment.split('|');
      this.entries[bucket] = entries;
    }
    let root: TrieNode | null = null;
    for (const entry of entries) {
      if (!entry.startsWith(key, entry[0] === '~' ? 1 : 0) && entry[0] !== '^') continue;
      if (firstKey(entry) !== key) continue;
      const at = entry.search(ENTRY_KIND);
      const words = readPath(entry.slice(0, at));
      root ??= newNode();
      let node = root;
      for (let k = 1; k < words.keys.length; k++) node = step(node, `${words.gaps[k - 1]} ${words.keys[k]}`);
      const data = entry.slice(at + 1);
      if (entry[at] === '>') node.terminals.push(new PackedTerminal(this, words, data, node.terminals.length));
      else if (entry[at] === '!') node.others.push(words);
      else node.titles.push({ id: Number.parseInt(data, 36), title: { ...words, trailingDot: data.endsWith('.') } });
    }
    return root;
  }

  /** The alias of a bucket's entry, from its words and what follows them. */
  readAlias(words: CompiledWords, data: string): CompiledAlias {
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
    return alias;
  }
}
