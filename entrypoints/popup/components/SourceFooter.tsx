import { newestFirst } from '@/knowledge/citations';
import type { Source } from '@/knowledge/schema';
import { formatDate } from '@/core/format-date';

/** "About the source(s)": the articles the knowledge was distilled from, newest first. */
export function SourceFooter({ sources }: { sources: readonly Source[] }) {
  return (
    <footer class="source-footer">
      <h2 class="source-footer__title">{sources.length > 1 ? 'About the sources' : 'About the source'}</h2>
      <ul>
        {newestFirst(sources).map((source) => (
          <li key={source.id}>
            {source.publisher},{' '}
            <a href={source.url} target="_blank" rel="noreferrer">
              {source.title}
            </a>
            , <time dateTime={source.date}>{formatDate(source.date)}</time>
          </li>
        ))}
      </ul>
    </footer>
  );
}
