/**
 * Where a card's claims come from: each claim cites a paragraph of its
 * entity's source, and links to it with a text fragment built from that
 * paragraph's passage. Shared by the card and the checks that hold it true.
 */
import { passageUrl } from '../core/text-fragment';
import type { Source } from './schema';

export interface Citation {
  source: Source;
  paragraph: number;
  /** The article's address, opened at the paragraph. */
  url: string;
}

/** The source an entity's claims rest on: its first. */
export function sourceOf(sources: readonly Source[], entity: { sources: readonly { source: string }[] }): Source | undefined {
  return sources.find((source) => source.id === entity.sources[0]?.source);
}

export function cite(source: Source, paragraph: number): Citation {
  const passage = source.passages.find((p) => p.paragraph === paragraph);
  // The build refuses knowledge with a cited paragraph that has no passage, so this falls back only for hand-made data.
  return { source, paragraph, url: passage ? passageUrl(source.url, passage) : source.url };
}
