/**
 * The entities an article names. Known ones are found by the extension's own matcher over the compiled knowledge;
 * the others are the name chunks of `names.ts`, grouped by how they are written, with acronyms joined to what they
 * abbreviate ("Balochistan Liberation Army (BLA)", "US" for "United States") and bare surnames or short forms to the
 * full name the article uses ("Aman" → "Fatemeh Aman", "Danube" → "Danube River"). Kinds come from the evidence.
 */
import { compileIndex } from '../../knowledge/compile';
import { createContext, createMatcher } from '../../core/match';
import { foldKey, isAllCaps, surfaceKey } from '../../core/normalize';
import type { EntityKind, Knowledge } from '../../knowledge/schema';
import { findQuotes } from './attribution';
import type { Chunk } from './chunks';
import { contextEvidence, fallbackKind, nameEvidence, type Evidence } from './evidence';
import { CONNECTORS, HEADS } from './lexicon';
import { findNames, type ArticleWords, type NameMention } from './names';
import { genderOf, lexiconIs } from './tagger';

export interface EntityMention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  form: 'name' | 'short' | 'acronym';
  /** Inside a quotation: the speaker's words, not the article's. */
  inQuote: boolean;
  entity: FoundEntity;
}

export interface FoundEntity {
  key: string;
  /** The knowledge's id, when the knowledge already has the entity. */
  existing?: string;
  kind: EntityKind;
  name: string;
  mentions: EntityMention[];
  /** Why the kind was chosen (new entities), strongest first. */
  evidence: Evidence[];
  /** The summed weight behind the kind: 0 when only the fallback chose it. The knowledge's own entries count as sure. */
  certainty: number;
  gender?: 'he' | 'she';
}

/** Up to six capitals, or dotted initials: longer words in capitals are names in a shouting line ("WASHINGTON"). */
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,})$/u;

/** Initials of a name's words, all-caps words whole: "Kenya ICT Authority" → "KICTA", "Quaid-i-Azam University" → "QAU". */
function initials(words: string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w) && w !== 'and')
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w[0]!.toUpperCase()))
    .join('');
}

const nameWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

function scoreKind(evidence: Evidence[], words: number): { kind: EntityKind; certainty: number } {
  const totals = new Map<EntityKind, number>();
  for (const e of evidence) totals.set(e.kind, (totals.get(e.kind) ?? 0) + e.weight);
  const location = evidence.filter((e) => e.location).reduce((sum, e) => sum + e.weight, 0);
  if (totals.has('country')) totals.set('country', totals.get('country')! + location);
  let kind: EntityKind = fallbackKind(words);
  let certainty = 0;
  for (const [k, total] of totals) if (total > certainty) [kind, certainty] = [k, total];
  return { kind, certainty };
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of evidence) if (!seen.has(`${e.kind} ${e.why}`)) seen.set(`${e.kind} ${e.why}`, e);
  return [...seen.values()].sort((a, b) => b.weight - a.weight);
}

interface Candidate {
  chunk: NameMention;
  evidence: Evidence[];
}

/** Known mentions by the compiled matcher, and the name chunks that no known mention already covers. */
function collect(article: ArticleWords, knowledge: Knowledge | null) {
  const matcher = knowledge ? createMatcher(compileIndex(knowledge)) : null;
  const knownForms = new Set(knowledge?.entities.flatMap((e) => e.aliases.map((a) => surfaceKey(a.text))) ?? []);
  const context = createContext();
  const known = article.paragraphs.map((text, i) => (matcher && !article.skipped.has(i + 1) ? matcher.match(text, context) : []));
  const names = findNames(article, (text) => knownForms.has(surfaceKey(text)));
  const byParagraph = new Map<number, NameMention[]>();
  for (const name of names) byParagraph.set(name.paragraph, [...(byParagraph.get(name.paragraph) ?? []), name]);
  const candidates: Candidate[] = [];
  for (const name of names) {
    const inside = known[name.paragraph - 1]!.filter((m) => m.start < name.end && m.end > name.start);
    const covered = inside.some((m) => m.start <= name.start && m.end >= name.end);
    const headed = name.words.length > 1 && Object.values(HEADS).some((h) => h.has(name.words.at(-1)!.key));
    const contains = inside.every((m) => m.start >= name.start && m.end <= name.end);
    if (covered || (inside.length > 0 && !(contains && headed))) continue;
    if (inside.length > 0) known[name.paragraph - 1] = known[name.paragraph - 1]!.filter((m) => !inside.includes(m));
    const text = article.paragraphs[name.paragraph - 1]!;
    candidates.push({ chunk: name, evidence: [...contextEvidence(text, name, byParagraph.get(name.paragraph)!), ...nameEvidence(name)] });
  }
  return { known, candidates };
}

export function recognise(article: ArticleWords, knowledge: Knowledge | null): FoundEntity[] {
  const { known, candidates } = collect(article, knowledge);
  const quotes = article.paragraphs.map((text) => findQuotes(text));
  const inQuote = (paragraph: number, start: number) => quotes[paragraph - 1]!.some((q) => start >= q.markStart && start < q.markEnd);
  const entities = new Map<string, FoundEntity>();
  const entityFor = (key: string, init: () => Omit<FoundEntity, 'key' | 'mentions' | 'evidence'>): FoundEntity => {
    const known = entities.get(key);
    if (known) return known;
    const entity: FoundEntity = { key, mentions: [], evidence: [], ...init() };
    entities.set(key, entity);
    return entity;
  };
  const byId = new Map(knowledge?.entities.map((e) => [e.id, e]) ?? []);
  known.forEach((mentions, i) => {
    for (const m of mentions) {
      const entry = byId.get(m.entity)!;
      const entity = entityFor(`known:${m.entity}`, () => ({ existing: m.entity, kind: entry.kind, name: entry.name, certainty: Infinity }));
      const form = m.via === 'acronym' ? 'acronym' : m.via === 'context' || m.via === 'short' ? 'short' : 'name';
      entity.mentions.push({ paragraph: i + 1, start: m.start, end: m.end, text: m.text, form, inQuote: inQuote(i + 1, m.start), entity });
    }
  });
  for (const { chunk, evidence } of candidates) {
    const entity = entityFor(surfaceKey(chunk.text), () => ({ kind: 'place', name: chunk.text, certainty: 0 }));
    entity.evidence.push(...evidence);
    const form = ACRONYM.test(chunk.text) && !chunk.dateline ? 'acronym' : 'name';
    entity.mentions.push({
      paragraph: chunk.paragraph,
      start: chunk.start,
      end: chunk.end,
      text: chunk.text,
      form,
      inQuote: inQuote(chunk.paragraph, chunk.start),
      entity,
    });
  }
  const list = [...entities.values()];
  for (const e of list) if (!e.existing) Object.assign(e, scoreKind(e.evidence, nameWords(e.name).length));
  joinAcronyms(
    list,
    candidates.map((c) => c.chunk),
  );
  joinShortForms(list);
  const found = list.filter((e) => e.mentions.length > 0);
  for (const e of found) finish(e);
  return found.sort((a, b) => position(a.mentions[0]!) - position(b.mentions[0]!));
}

/** Moves `mention` to `to` as a `form` mention. */
function move(mention: EntityMention, to: FoundEntity, form: EntityMention['form']): void {
  mention.entity.mentions = mention.entity.mentions.filter((m) => m !== mention);
  to.mentions.push({ ...mention, form, entity: to });
  if (!mention.entity.existing) to.evidence.push(...mention.entity.evidence.filter((e) => e.kind === to.kind));
}

/** An acronym joins the name it follows in brackets, or else the one name of the article whose initials it spells. */
function joinAcronyms(list: FoundEntity[], chunks: Chunk[]): void {
  for (const acronym of list.filter((e) => !e.existing && e.mentions.every((m) => m.form === 'acronym'))) {
    const letters = acronym.name.replace(/\./g, '');
    const spells = (e: FoundEntity) => e !== acronym && e.mentions.some((m) => m.form === 'name' && initials(nameWords(m.text)) === letters);
    const bracketed = acronym.mentions
      .map((m) => chunks.find((c) => c.end === m.start - 2 && (c as NameMention).paragraph === m.paragraph))
      .find(Boolean);
    const target =
      list.find((e) => bracketed && e.mentions.some((m) => m.start === bracketed.start && initials(nameWords(m.text)) === letters)) ??
      (list.filter(spells).length === 1 ? list.find(spells) : undefined);
    if (!target) continue;
    for (const m of [...acronym.mentions]) move(m, target, 'acronym');
  }
}

const position = (m: EntityMention) => m.paragraph * 1e6 + m.start;

/**
 * A name whose words end a longer name ("Aman", "Red Cross") or begin a person's or a place's name ("Danube" of
 * "Danube River") is a short form of it; with several such names, of the one the article named last before it.
 */
function joinShortForms(list: FoundEntity[]): void {
  const full = (e: FoundEntity) => e.mentions.filter((m) => m.form === 'name').map((m) => nameWords(m.text).map(foldKey));
  for (const short of list.filter((e) => !e.existing)) {
    const words = nameWords(short.name).map(foldKey);
    if (lexiconIs(short.name, ['Country', 'City', 'Region'])) continue;
    const fits = (e: FoundEntity) =>
      e !== short &&
      full(e).some((long) => {
        if (long.length <= words.length) return false;
        const suffix = long.slice(-words.length).join(' ') === words.join(' ');
        const prefix = long.slice(0, words.length).join(' ') === words.join(' ');
        return suffix || (prefix && (e.kind === 'person' || HEADS.place.has(long.at(-1)!) || HEADS.event.has(long.at(-1)!)));
      });
    const owners = list.filter(fits);
    if (owners.length === 0) continue;
    for (const mention of [...short.mentions]) {
      const at = position(mention);
      const last = (e: FoundEntity) => Math.max(-1, ...e.mentions.filter((m) => position(m) < at).map(position));
      const owner = owners.reduce((a, b) => (last(b) > last(a) ? b : a));
      move(mention, owner, 'short');
    }
  }
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

function finish(entity: FoundEntity): void {
  entity.mentions.sort((a, b) => position(a) - position(b));
  if (!entity.existing) {
    entity.evidence = dedupe(entity.evidence);
    const names = entity.mentions.filter((m) => m.form === 'name');
    const longest = names.reduce<EntityMention | undefined>((a, m) => (!a || nameWords(m.text).length > nameWords(a.text).length ? m : a), undefined);
    const name = (longest ?? entity.mentions[0]!).text;
    // A name only a dateline or a headline wrote, in capitals, is written as prose would write it.
    entity.name = longest && isAllCaps(name) ? titleCase(name) : name;
    Object.assign(entity, scoreKind(entity.evidence, nameWords(entity.name).length));
  }
  if (entity.kind === 'person') {
    const gender = genderOf(nameWords(entity.name)[0] ?? '');
    if (gender) entity.gender = gender;
  }
}
