/**
 * Synthetic knowledge of any size for the scale benchmark, shaped like the real one: entity i copies the structure
 * of real entity i mod n (its kind, its aliases form by form with their rules, its titles, quotes, relations,
 * topics and cited paragraphs), with generated words for its capitalised ones. So the mix of short forms,
 * acronyms and variants, and the share of quotes and relations, are the real knowledge's, measured anew each run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeFile } from '../knowledge/load';
import { compileIndex, cutAlias } from '../knowledge/compile';
import { otherNameProblem } from '../knowledge/other-names';
import { EntitySchema, type Entity, type Knowledge } from '../knowledge/schema';
import { editDistance, foldKey } from '../core/normalize';
import { random } from './pages';

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'br', 'tr', 'dr', 'gh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'ai', 'ou', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'sh', 'd'];
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWZ';
const SOURCE = 'synthetic-source';

const TOKEN = /\p{L}+|\p{N}+/gu;
const capital = (word: string) => /^\p{Lu}/u.test(word);
const surfaceKey = (text: string) => cutAlias(text).words.map(foldKey).join(' ');

type Authored = Record<string, unknown> & { id: string; name: string; aliases: { text: string; form: string }[] };

class Words {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }
  /** A capitalised made-up word of two or three syllables. */
  word(): string {
    let word = '';
    for (let s = this.int(2, 3); s > 0; s--) word += this.pick(ONSETS) + this.pick(VOWELS) + (s === 1 ? this.pick(CODAS) : '');
    return word[0]!.toUpperCase() + word.slice(1);
  }
  /** A spelling variant: one vowel changed or one consonant doubled, as the wild writes names. */
  variant(word: string): string {
    const vowels = [...word.matchAll(/[aeiou]/g)].map((m) => m.index!);
    if (vowels.length > 0 && this.next() < 0.6) {
      const at = this.pick(vowels);
      const other = this.pick([...'aeiou'].filter((v) => v !== word[at]));
      return word.slice(0, at) + other + word.slice(at + 1);
    }
    const at = this.int(1, word.length - 1);
    return word.slice(0, at) + word[at] + word.slice(at);
  }
  acronym(template: string, length: number): string {
    let letters = '';
    for (let i = 0; i < length; i++) letters += this.pick([...LETTERS]);
    // Dotted acronyms ("U.S.") keep their dots.
    return template.includes('.') ? `${[...letters].join('.')}.` : letters;
  }
}

/** Maps one real entity's capitalised words to made-up ones, consistently across its aliases. */
function mapper(words: Words, nameTexts: string[]) {
  const dict = new Map<string, string>();
  const fresh = (token: string) => (/^\p{N}/u.test(token) ? String(words.int(2, 999)) : words.word());
  for (const text of nameTexts)
    for (const [token] of text.matchAll(TOKEN)) if (capital(token) || /^\p{N}/u.test(token)) dict.set(token, dict.get(token) ?? fresh(token));
  const mapToken = (token: string): string => {
    if (!capital(token) && !/^\p{N}/u.test(token)) return token;
    const known = dict.get(token);
    if (known) return known;
    const prefixOf = [...dict.keys()].find((key) => key.startsWith(token) && token.length >= 3);
    // A clipped form ("Pak") clips the made-up word alike; a near spelling is a variant of the made-up one.
    const made = prefixOf
      ? dict.get(prefixOf)!.slice(0, Math.max(3, Math.min(token.length, dict.get(prefixOf)!.length - 1)))
      : (() => {
          const near = [...dict.keys()].find((key) => editDistance(foldKey(key), foldKey(token), 3) <= 3);
          return near ? words.variant(dict.get(near)!) : fresh(token);
        })();
    dict.set(token, made);
    return made;
  };
  return (text: string) => text.replace(TOKEN, mapToken);
}

export interface SyntheticOptions {
  seed?: number;
}

/** `count` entities shaped like `real`'s, and knowledge files around them that validate. */
export function syntheticKnowledge(real: Knowledge, count: number, { seed = 17 }: SyntheticOptions = {}): KnowledgeFile[] {
  const words = new Words(seed);
  const templates = real.entities;
  const n = templates.length;
  const taken = new Set<string>();
  const ids = new Set<string>();
  const entities: Authored[] = [];
  /** The synthetic entity that stands for real entity `id` in the same round of templates, if there is one. */
  const counterpart = (round: number, id: string): string | undefined => {
    const j = templates.findIndex((t) => t.id === id);
    return j >= 0 && round * n + j < count ? `\0${round * n + j}` : undefined;
  };
  const texts: string[][] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % n]!;
    const round = Math.floor(i / n);
    let made: { name: string; aliases: Entity['aliases'] } | null = null;
    for (let attempt = 0; attempt < 100 && !made; attempt++) made = makeAliases(template, words, taken, attempt);
    if (!made) throw new Error(`no unique surface forms for entity ${i} after 100 attempts`);
    for (const alias of made.aliases) taken.add(keyOf(alias.text, alias.form));
    texts.push(made.aliases.map((a) => a.text));
    let id =
      made.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `entity-${i}`;
    while (ids.has(id)) id = `${id}-${i}`;
    ids.add(id);
    const claim = (paragraph: number, what: string) => ({ text: `${made!.name} ${what}.`, paragraph });
    entities.push({
      id,
      name: made.name,
      kind: template.kind,
      aliases: made.aliases.map((alias) => {
        const after = alias.after?.map((ref) => counterpart(round, ref)).filter((ref) => ref !== undefined);
        const { namesakes: _namesakes, ...rest } = { ...alias, after };
        return after && after.length > 0 ? rest : { ...rest, after: undefined };
      }),
      ...(template.titles && { titles: template.titles }),
      role: claim(template.role.paragraph, 'holds a role in the synthetic knowledge'),
      summary: template.summary.map((s, k) => claim(s.paragraph, `is described in sentence ${k + 1}`)),
      quotes: template.quotes.map((q, k) => ({
        text: `Synthetic quote ${k + 1} about ${made!.name}.`,
        paragraph: q.paragraph,
        speaker: counterpart(round, q.speaker) ?? '',
      })),
      related: template.related.map((r, k) => ({ id: counterpart(round, r.id) ?? '', reason: `Synthetic relation ${k + 1}` })),
      topics: template.topics,
      sources: [{ source: SOURCE, paragraphs: template.sources.flatMap((s) => s.paragraphs) }],
    });
  }
  resolveReferences(entities, words);
  const paragraphs = new Set(real.sources.flatMap((s) => s.passages.map((p) => p.paragraph)));
  return [
    { file: 'sources.json', data: [syntheticSource(paragraphs)] },
    { file: 'topics.json', data: real.topics },
    { file: 'other-names.json', data: otherNames(real, entities) },
    { file: 'namesakes.json', data: real.namesakes },
    { file: 'entities/synthetic.json', data: entities },
  ];
}

const keyOf = (text: string, form: string) => (form === 'acronym' ? `=${cutAlias(text).words.join(' ')}` : surfaceKey(text));

function makeAliases(template: Entity, words: Words, taken: Set<string>, attempt: number): { name: string; aliases: Entity['aliases'] } | null {
  const map = mapper(
    words,
    template.aliases
      .filter((a) => a.form === 'name')
      .map((a) => a.text)
      .concat(template.name),
  );
  const aliases = template.aliases.map((alias) => {
    if (alias.form !== 'acronym') return { ...alias, text: map(alias.text) };
    const letters = alias.text.replace(/[^\p{Lu}]/gu, '').length;
    // Two-letter acronyms run out among thousands of entities: longer ones are what a large knowledge would hold.
    return { ...alias, text: words.acronym(alias.text, letters + Math.floor(attempt / 10)) };
  });
  const keys = aliases.map((a) => keyOf(a.text, a.form));
  if (keys.some((key) => taken.has(key))) return null;
  return { name: map(template.name), aliases };
}

/** Quote speakers and relations whose real counterpart has no synthetic one in this size go to random entities. */
function resolveReferences(entities: Authored[], words: Words): void {
  const idAt = (ref: string) => entities[Number(ref.slice(1))]!.id;
  entities.forEach((entity, i) => {
    const other = () => {
      if (entities.length === 1) return undefined;
      let j = words.int(0, entities.length - 1);
      if (j === i) j = (j + 1) % entities.length;
      return entities[j]!.id;
    };
    for (const alias of entity.aliases as { after?: string[] }[]) if (alias.after) alias.after = alias.after.map(idAt);
    entity.quotes = (entity.quotes as { speaker: string }[])
      .map((q) => ({ ...q, speaker: q.speaker ? idAt(q.speaker) : other() }))
      .filter((q) => q.speaker !== undefined);
    const related = (entity.related as { id: string; reason: string }[]).map((r) => ({ ...r, id: r.id ? idAt(r.id) : other() }));
    entity.related = related.filter((r, k) => r.id !== undefined && r.id !== entity.id && related.findIndex((s) => s.id === r.id) === k);
  });
}

function syntheticSource(paragraphs: Set<number>) {
  return {
    id: SOURCE,
    publisher: 'Gloss benchmark',
    title: 'Synthetic knowledge',
    date: '2025-01-01',
    url: 'https://example.org/synthetic',
    passages: [...paragraphs].sort((a, b) => a - b).map((paragraph) => ({ paragraph, start: `Paragraph ${paragraph} starts` })),
  };
}

/**
 * Each real other name, once per round, with the form of the entity it holds replaced by the synthetic entity's
 * form at the same place; kept when it would still be a useful other name.
 */
function otherNames(real: Knowledge, entities: Authored[]): { text: string; is: string }[] {
  // Made-up words are the entity's own, so only its own forms can make an other name of it useless.
  const formsOf = (entity: Authored) => compileIndex({ entities: [EntitySchema.parse(entity)], otherNames: [], namesakes: [] }).aliases;
  const n = real.entities.length;
  const out: { text: string; is: string }[] = [];
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Where a real entity's form stands in each other name: its first form found there, as a whole word.
  const places = real.otherNames.map((other) => {
    for (const [j, entity] of real.entities.entries()) {
      for (const [k, alias] of entity.aliases.entries()) {
        const at = new RegExp(`(?<!\\p{L})${literal(alias.text)}(?!\\p{L})`, 'u');
        if (at.test(other.text)) return { other, at, j, k };
      }
    }
    return null;
  });
  for (let round = 0; round * n < entities.length; round++) {
    for (const place of places) {
      const stand = place && entities[round * n + place.j];
      if (!stand) continue;
      const text = place.other.text.replace(place.at, stand.aliases[place.k]!.text);
      if (!otherNameProblem(text, formsOf(stand))) out.push({ text, is: place.other.is });
    }
  }
  return out;
}

/** Writes knowledge files into `dir` (emptied first) in the layout `readKnowledgeFiles` reads. */
export function writeKnowledge(dir: string, files: KnowledgeFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'entities'), { recursive: true });
  for (const { file, data } of files) writeFileSync(join(dir, file), `${JSON.stringify(data)}\n`);
}
