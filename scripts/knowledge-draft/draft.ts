/**
 * The draft a maintainer edits: the source entry, and per entity the fields of the knowledge schema the article
 * can fill (id, name, kind, aliases as written, quotes it speaks, related entities by paragraphs shared, the
 * paragraphs that name it), with `existing` naming the knowledge's entry where there is one. What only a person
 * can write (role, summary, topics, relation reasons) is left out for them.
 */
import { foldKey, isAllCaps, surfaceKey } from '../../core/normalize';
import type { EntityKind, Knowledge } from '../../knowledge/schema';
import { recognise, type FoundEntity } from './entities';
import { bylineNames, readWords } from './names';
import { resolveQuotes, type FoundQuote } from './speakers';

export interface DraftSource {
  id: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
  authors: string[];
  editors: string[];
}

export type DraftAlias = string | { text: string; form: 'short' | 'acronym' };

export interface DraftQuote {
  text: string;
  /** The speaker's id in this draft; null when the attribution names no entity (see `speakerText`). */
  speaker: string | null;
  paragraph: number;
  speakerText?: string;
  via: FoundQuote['via'];
}

export interface DraftEntity {
  id: string;
  /** The knowledge's id of the same entity: add these claims to it rather than a new entry. */
  existing?: string;
  name: string;
  kind: EntityKind;
  /** Why this kind, strongest first (new entities only). */
  kindEvidence?: string[];
  aliases: DraftAlias[];
  /** Aliases as written here that the knowledge's entry lacks (existing entities only). */
  newAliases?: DraftAlias[];
  quotes: { text: string; speaker: string; paragraph: number }[];
  related: { id: string; count: number; reason: string }[];
  sources: { source: string; paragraphs: number[] }[];
}

export interface Draft {
  note: string;
  source: DraftSource;
  entities: DraftEntity[];
  quotes: DraftQuote[];
}

export interface DraftOptions {
  publisher: string;
  date: string;
  url: string;
  title?: string;
  sourceId?: string;
}

const MAX_RELATED = 8;

export function slug(text: string): string {
  const words =
    text
      .replace(/(?<=\p{Lu})\.(?=\p{Lu}|$)/gu, '')
      .replace(/['\u2019]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return (
    words
      .map(foldKey)
      .join('-')
      .replace(/[^a-z0-9-]/g, '') || 'entity'
  );
}

function aliasOf(text: string, form: 'name' | 'short' | 'acronym'): DraftAlias {
  return form === 'name' ? text : { text, form };
}

const aliasText = (alias: DraftAlias) => (typeof alias === 'string' ? alias : alias.text);

function assignIds(found: FoundEntity[], knowledge: Knowledge | null): Map<FoundEntity, string> {
  const taken = new Set(knowledge?.entities.map((e) => e.id) ?? []);
  const ids = new Map<FoundEntity, string>();
  for (const entity of found.filter((e) => e.existing)) ids.set(entity, entity.existing!);
  for (const entity of found.filter((e) => !e.existing)) {
    let id = slug(entity.name);
    if (taken.has(id)) id = `${id}-${entity.kind}`;
    for (let n = 2; taken.has(id); n++) id = `${slug(entity.name)}-${n}`;
    taken.add(id);
    ids.set(entity, id);
  }
  return ids;
}

function related(found: FoundEntity[], ids: Map<FoundEntity, string>): Map<FoundEntity, DraftEntity['related']> {
  const shared = new Map<FoundEntity, Map<FoundEntity, number[]>>();
  const byParagraph = new Map<number, Set<FoundEntity>>();
  for (const e of found) for (const m of e.mentions) byParagraph.set(m.paragraph, (byParagraph.get(m.paragraph) ?? new Set()).add(e));
  for (const [paragraph, together] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
    for (const a of together) {
      for (const b of together) {
        if (a === b) continue;
        const row = shared.get(a) ?? new Map<FoundEntity, number[]>();
        row.set(b, [...(row.get(b) ?? []), paragraph]);
        shared.set(a, row);
      }
    }
  }
  const out = new Map<FoundEntity, DraftEntity['related']>();
  for (const e of found) {
    const row = [...(shared.get(e) ?? new Map<FoundEntity, number[]>())].sort((a, b) => b[1].length - a[1].length || a[1][0]! - b[1][0]!);
    out.set(
      e,
      row.slice(0, MAX_RELATED).map(([other, paragraphs]) => ({
        id: ids.get(other)!,
        count: paragraphs.length,
        reason: `named together in paragraph${paragraphs.length > 1 ? 's' : ''} ${paragraphs.join(', ')}`,
      })),
    );
  }
  return out;
}

function sourceOf(paragraphs: string[], options: DraftOptions): DraftSource {
  const bylines = paragraphs.map(bylineNames).filter((b) => b !== null);
  return {
    id: options.sourceId ?? `${slug(options.publisher)}-${options.date}`,
    publisher: options.publisher,
    title: options.title ?? paragraphs.find((line) => line.trim() !== '')?.trim() ?? '',
    date: options.date,
    url: options.url,
    authors: bylines.filter((b) => !b.editors).flatMap((b) => b.names),
    editors: bylines.filter((b) => b.editors).flatMap((b) => b.names),
  };
}

export function makeDraft(articleText: string, options: DraftOptions, knowledge: Knowledge | null): Draft {
  const article = readWords(articleText);
  const found = recognise(article, knowledge);
  const quotes = resolveQuotes(article, found);
  const ids = assignIds(found, knowledge);
  const relations = related(found, ids);
  const source = sourceOf(article.paragraphs, options);
  const knownForms = new Map(knowledge?.entities.map((e) => [e.id, new Set(e.aliases.map((a) => surfaceKey(a.text)))]) ?? []);
  const entities = found.map((entity): DraftEntity => {
    const id = ids.get(entity)!;
    const aliases: DraftAlias[] = [];
    for (const m of entity.mentions) {
      // One alias per form; the way the prose writes it rather than a headline's capitals.
      const same = aliases.findIndex((a) => surfaceKey(aliasText(a)) === surfaceKey(m.text));
      if (same < 0) aliases.push(aliasOf(m.text, m.form));
      else if (isAllCaps(aliasText(aliases[same]!)) && !isAllCaps(m.text)) aliases[same] = aliasOf(m.text, m.form);
    }
    const draft: DraftEntity = { id, name: entity.name, kind: entity.kind, aliases, quotes: [], related: relations.get(entity)!, sources: [] };
    if (entity.existing) {
      draft.existing = entity.existing;
      const fresh = aliases.filter((a) => !knownForms.get(entity.existing!)?.has(surfaceKey(aliasText(a))));
      if (fresh.length > 0) draft.newAliases = fresh;
    } else {
      draft.kindEvidence = entity.evidence.map((e) => `${e.kind} +${e.weight}: ${e.why}`);
    }
    draft.quotes = quotes.filter((q) => q.speaker === entity).map((q) => ({ text: q.text, speaker: id, paragraph: q.paragraph }));
    draft.sources = [{ source: source.id, paragraphs: [...new Set(entity.mentions.map((m) => m.paragraph))].sort((a, b) => a - b) }];
    return draft;
  });
  return {
    note: 'A draft by `npm run knowledge:draft`: never loaded by the build. Edit it, copy the entries you keep into knowledge/, then run knowledge:check and passages.',
    source,
    entities,
    quotes: quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker ? ids.get(q.speaker)! : null,
      paragraph: q.paragraph,
      ...(q.speakerText ? { speakerText: q.speakerText } : {}),
      via: q.via,
    })),
  };
}
