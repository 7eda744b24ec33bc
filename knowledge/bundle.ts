/**
 * What the extension bundles: the compiled alias index plus what the cards,
 * the popup and its search show. Built from validated knowledge at build time.
 */
import { compileIndex } from '../core/compile';
import type { CompiledIndex } from '../core/types';
import type { Entity, Knowledge, Source, Topic } from './schema';

/**
 * An entity as a card shows it: everything but the matching rules, with the source it cites but not the paragraphs
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

/** What the content script bundles: the popup's knowledge less the surface forms only its search reads. */
export interface PageKnowledge extends CardKnowledge {
  index: CompiledIndex;
}

export function pageKnowledge({ index, entities, topics, sources }: KnowledgeBundle): PageKnowledge {
  return {
    index,
    entities: entities.map(({ aliases: _aliases, ...card }) => card),
    topics,
    sources,
  };
}

/**
 * What the popup's first render needs: each entity's name, kind and topics for the list and the counts. The search
 * and the cards load the rest when the reader first reaches for them.
 */
export interface PopupKnowledge {
  entities: Pick<Entity, 'id' | 'name' | 'kind' | 'topics'>[];
  topics: Topic[];
  sources: Source[];
}

export function popupKnowledge({ entities, topics, sources }: KnowledgeBundle): PopupKnowledge {
  return { entities: entities.map(({ id, name, kind, topics }) => ({ id, name, kind, topics })), topics, sources };
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
