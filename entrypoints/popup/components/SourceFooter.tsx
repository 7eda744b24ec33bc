import type { Source } from '@/knowledge/schema';
import { formatDate } from '@/core/format-date';

/** "About the source": the articles the knowledge was distilled from. */
export function SourceFooter({ sources }: { sources: readonly Source[] }) {
  return (
    <footer class="source-footer">
      <h2 class="source-footer__title">About the source</h2>
      <ul>
        {sources.map((source) => (
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
