/**
 * Where a card's claims come from: each claim cites a paragraph of one of its
 * entity's sources, and links to it with a text fragment built from that
 * paragraph's passage. Shared by the card and the checks that hold it true.
 */
import { formatDate } from '../core/format-date';
import { passageUrl } from '../core/text-fragment';
import type { Source } from './schema';

export interface Citation {
  source: Source;
  paragraph: number;
  /** The article's address, opened at the paragraph. */
  url: string;
}

/** Sources in the order cards and the popup list them: newest first. */
export function newestFirst(sources: readonly Source[]): Source[] {
  return [...sources].sort((a, b) => b.date.localeCompare(a.date));
}

/** The sources an entity cites that the knowledge has, newest first. */
export function sourcesOf(sources: readonly Source[], entity: { sources: readonly { source: string }[] }): Source[] {
  const cited = new Set(entity.sources.map((cite) => cite.source));
  return newestFirst(sources.filter((source) => cited.has(source.id)));
}

export function cite(source: Source, paragraph: number): Citation {
  const passage = source.passages.find((p) => p.paragraph === paragraph);
  // The build refuses knowledge with a cited paragraph that has no passage, so this falls back only for hand-made data.
  return { source, paragraph, url: passage ? passageUrl(source.url, passage) : source.url };
}

/**
 * What a card's source markers say before "¶N", per source id: nothing when the entity cites one source (its card
 * looks as it always has), else the first of publisher, publisher and date, or source id that tells them apart.
 */
export function markerLabels(sources: readonly Source[]): Map<string, string> {
  const namings = [(s: Source) => s.publisher, (s: Source) => `${s.publisher}, ${formatDate(s.date)}`, (s: Source) => s.id];
  const naming = sources.length < 2 ? () => '' : namings.find((name) => new Set(sources.map(name)).size === sources.length)!;
  return new Map(sources.map((source) => [source.id, naming(source)]));
}
