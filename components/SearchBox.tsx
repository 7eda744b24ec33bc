import { useMemo, useState } from 'preact/hooks';
import { createSearch } from '@/core/search';
import type { KnowledgeBundle } from '@/knowledge/bundle';
import { Card } from './Card';

/** A search over all the knowledge; a result opens its card, read-only, in place. */
export function SearchBox({ knowledge }: { knowledge: KnowledgeBundle }) {
  const search = useMemo(() => createSearch(knowledge.entities), [knowledge]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const results = useMemo(() => search(query), [search, query]);
  const entity = open ? knowledge.entities.find((e) => e.id === open) : undefined;
  return (
    <div class="search">
      <label class="search__label" for="gloss-search">
        Search what Gloss knows
      </label>
      <input
        id="gloss-search"
        type="search"
        placeholder="A name, a place, a group…"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(null);
        }}
      />
      {entity ? (
        <div class="search__card">
          <Card entity={entity} knowledge={knowledge} onRelated={setOpen} onClose={() => setOpen(null)} />
        </div>
      ) : (
        query.trim() !== '' && (
          <ul class="search__results" aria-label="Search results">
            {results.length === 0 && <li class="empty">Nothing matches “{query.trim()}”.</li>}
            {results.map((result) => (
              <li key={result.id}>
                <button type="button" class="found__item" onClick={() => setOpen(result.id)}>
                  <span>{result.name}</span>
                  <span class="search__role">{result.role.text}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
