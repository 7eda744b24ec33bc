import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SearchResultsProps } from './SearchResults';

type Results = ComponentType<SearchResultsProps>;

let loading: Promise<Results> | undefined;
/** fuse.js, the knowledge it searches and the cards come in a chunk of their own, so that they don't hold up the popup's first render. */
const loadResults = () => (loading ??= import('./SearchResults').then((module) => module.SearchResults));

export interface SearchBoxProps {
  /** Load the search now rather than when the reader first focuses the box. */
  preload?: boolean;
  load?: () => Promise<Results>;
}

/**
 * A search over all the knowledge. The box is there from the first render; what the reader types before the search
 * has loaded is kept and searched once it has.
 */
export function SearchBox({ preload = false, load = loadResults }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [Results, setResults] = useState<Results | null>(null);
  const start = () => {
    if (!Results) void load().then((component) => setResults(() => component));
  };
  useEffect(() => {
    if (preload) start();
  }, [preload]);
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
        onFocus={start}
        onInput={(event) => {
          start();
          setQuery(event.currentTarget.value);
          setOpen(null);
        }}
      />
      {Results ? <Results query={query} open={open} onOpen={setOpen} /> : query.trim() !== '' && <p class="empty">Loading the search…</p>}
    </div>
  );
}
