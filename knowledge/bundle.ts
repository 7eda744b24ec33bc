/**
 * What the extension bundles: the compiled alias index plus what the cards,
 * the popup and its search show. Built from validated knowledge at build time.
 */
import { compileIndex } from './compile';
import type { Kind } from '../core/kinds';
import { IndexReader } from '../core/match-index';
import { packIndex } from '../core/match-pack';
import type { CompiledIndex, PackedIndex } from '../core/types';
import type { Entity, Knowledge, Source, Topic } from './schema';

/**
 * An entity as a card shows it: everything but the matching rules, with the sources it cites but not the paragraphs
 * that mention it (those serve the checks, not the reader).
 */
export type CardEntity = Omit<Entity, 'aliases' | 'titles' | 'sources'> & { sources: { source: string }[] };

/** An entity as the popup knows it: its card, and its surface forms for the search. */
export type EntityCard = CardEntity & { aliases: string[] };

/** What a card needs to show an entity and name the others it mentions. */
export interface CardKnowledge {
  entities: CardEntity[];
  topics: Topic[];
  sources: Source[];
}

export interface KnowledgeBundle extends CardKnowledge {
  index: CompiledIndex;
  entities: EntityCard[];
}

/** An entity as a list names it and as the settings filter it. */
export type EntityName = Pick<Entity, 'id' | 'name' | 'kind' | 'topics'>;

/**
 * What the content script bundles: the index and each entity's name, kind and topics, what every page needs. A
 * card's content is asked of the background when a card first opens (`cardKnowledge`), so pages don't carry it.
 */
export interface PageKnowledge {
  index: CompiledIndex;
  entities: EntityName[];
}

const nameOf = ({ id, name, kind, topics }: EntityName): EntityName => ({ id, name, kind, topics });

export function pageKnowledge({ index, entities }: KnowledgeBundle): PageKnowledge {
  return { index, entities: entities.map(nameOf) };
}

/**
 * The page's knowledge as the content script carries it: the packed index, each entity's line ending with its kind
 * and topics, as the number of that pair among the entities' pairs (few kinds and topic sets repeat across many
 * entities), and its name where the id does not spell it ("jaish-al-adl" for "Jaish al-Adl").
 */
export interface PackedPage {
  index: PackedIndex;
  /** The entities' kinds and topic lists: each one `kind topic topic…`. */
  profiles: string[];
}

/** "Shehbaz Sharif" for "shehbaz-sharif": the name most ids are written from. */
const nameOfId = (id: string) =>
  id
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');

export function packPage({ index, entities }: PageKnowledge): PackedPage {
  const profileOf = ({ kind, topics }: EntityName) => [kind, ...topics].join(' ');
  const profiles = [...new Set(entities.map(profileOf))];
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const extra = (id: string) => {
    const entity = byId.get(id)!;
    return `${profiles.indexOf(profileOf(entity)).toString(36)};${entity.name === nameOfId(id) ? '' : entity.name}`;
  };
  return { index: packIndex(index, extra), profiles };
}

/** What a page reads of its packed knowledge: the index to match with, and each entity as it is found. */
export function openPage({ index, profiles }: PackedPage): { index: IndexReader; entities: { get(id: string): EntityName | undefined } } {
  const reader = new IndexReader(index);
  const names = new Map<string, EntityName>();
  const get = (id: string): EntityName | undefined => {
    const known = names.get(id);
    if (known) return known;
    const entity = reader.entityById(id);
    if (!entity) return undefined;
    const [profile, ...name] = entity.extra.split(';');
    const [kind, ...topics] = profiles[Number.parseInt(profile!, 36)]!.split(' ');
    const read: EntityName = { id, kind: kind as Kind, topics, name: name.join(';') || nameOfId(id) };
    names.set(id, read);
    return read;
  };
  return { index: reader, entities: { get } };
}

/** What the background answers cards from: every entity's card. */
export function cardsKnowledge({ entities, topics, sources }: KnowledgeBundle): CardKnowledge {
  return { entities: entities.map(({ aliases: _aliases, ...card }) => card), topics, sources };
}

/**
 * What one entity's card reads: the entity, the entities it names (quote speakers, relations), its topics and the
 * sources it cites; null for an id the knowledge doesn't have.
 */
export function cardKnowledge({ entities, topics, sources }: CardKnowledge, id: string): CardKnowledge | null {
  const entity = entities.find((candidate) => candidate.id === id);
  if (!entity) return null;
  const named = new Set([...entity.quotes.map((quote) => quote.speaker), ...entity.related.map((relation) => relation.id)]);
  const cited = new Set(entity.sources.map((cite) => cite.source));
  return {
    entities: [entity, ...entities.filter((other) => other.id !== id && named.has(other.id))],
    topics: topics.filter((topic) => entity.topics.includes(topic.id)),
    sources: sources.filter((source) => cited.has(source.id)),
  };
}

/**
 * What the popup's first render needs: each entity's name, kind and topics for the list and the counts. The search
 * and the cards load the rest when the reader first reaches for them.
 */
export interface PopupKnowledge {
  entities: EntityName[];
  topics: Topic[];
  sources: Source[];
}

export function popupKnowledge({ entities, topics, sources }: KnowledgeBundle): PopupKnowledge {
  return { entities: entities.map(nameOf), topics, sources };
}

/** What the popup's search and its cards read: the popup's knowledge less the index only pages match with. */
export type SearchKnowledge = Omit<KnowledgeBundle, 'index'>;

export function searchKnowledge({ index: _index, ...rest }: KnowledgeBundle): SearchKnowledge {
  return rest;
}

export function buildBundle(knowledge: Knowledge): KnowledgeBundle {
  return {
    index: compileIndex(knowledge),
    entities: knowledge.entities.map(({ aliases, titles: _titles, sources, ...card }) => ({
      ...card,
      sources: sources.map(({ source }) => ({ source })),
      aliases: aliases.map((alias) => alias.text),
    })),
    topics: knowledge.topics,
    sources: knowledge.sources,
  };
}
