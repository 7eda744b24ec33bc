/**
 * What the extension bundles: the compiled alias index plus what the cards,
 * the popup and its search show. Built from validated knowledge at build time.
 */
import { compileIndex } from '../core/compile';
import type { CompiledIndex } from '../core/types';
import type { Entity, Knowledge, Source, Topic } from './schema';

/** An entity as the cards and the popup show it: everything but the matching rules. */
export type EntityCard = Omit<Entity, 'aliases' | 'titles'> & {
  /** The surface forms, for the popup's search. */
  aliases: string[];
};

export interface KnowledgeBundle {
  index: CompiledIndex;
  entities: EntityCard[];
  topics: Topic[];
  sources: Source[];
}

export function buildBundle(knowledge: Knowledge): KnowledgeBundle {
  return {
    index: compileIndex(knowledge.entities),
    entities: knowledge.entities.map(({ aliases, titles: _titles, ...card }) => ({
      ...card,
      aliases: aliases.map((alias) => alias.text),
    })),
    topics: knowledge.topics,
    sources: knowledge.sources,
  };
}
