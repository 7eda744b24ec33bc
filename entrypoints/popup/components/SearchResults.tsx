import { useMemo } from 'preact/hooks';
import knowledge from 'virtual:gloss-knowledge/search';
import { createSearch } from '@/core/search';
import { Card } from '@/components/Card';

export interface SearchResultsProps {
  query: string;
  /** The entity whose card is open in place of the results. */
  open: string | null;
  onOpen: (id: string | null) => void;
}

const search = createSearch(knowledge.entities);

/** The results for a query over all the knowledge; a result opens its card, read-only, in place. */
export function SearchResults({ query, open, onOpen }: SearchResultsProps) {
  const results = useMemo(() => search(query), [query]);
  const entity = open ? knowledge.entities.find((e) => e.id === open) : undefined;
  if (entity) {
    return (
      <div class="search__card">
        <Card entity={entity} knowledge={knowledge} onRelated={onOpen} onClose={() => onOpen(null)} />
      </div>
    );
  }
  if (query.trim() === '') return null;
  return (
    <ul class="search__results" aria-label="Search results">
      {results.length === 0 && <li class="empty">Nothing matches “{query.trim()}”.</li>}
      {results.map((result) => (
        <li key={result.id}>
          <button type="button" class="found__item" onClick={() => onOpen(result.id)}>
            <span>{result.name}</span>
            <span class="search__role">{result.role.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
