import type { CardEntity, CardKnowledge } from '@/knowledge/bundle';
import { formatDate } from '@/core/format-date';

const KIND_LABEL = { person: 'Person', group: 'Group', country: 'Country', place: 'Place', event: 'Event' } as const;
const MAX_QUOTES = 3;

export interface CardProps {
  entity: CardEntity;
  knowledge: CardKnowledge;
  /** Opens another entity's card in place of this one. */
  onRelated?: (id: string) => void;
  onClose?: () => void;
}

/**
 * What the source says about one entity. Knowledge text is rendered as text
 * (JSX escapes it), never as HTML.
 */
export function Card({ entity, knowledge, onRelated, onClose }: CardProps) {
  const byId = new Map(knowledge.entities.map((e) => [e.id, e]));
  const topics = knowledge.topics.filter((topic) => entity.topics.includes(topic.id));
  const source = knowledge.sources.find((s) => s.id === entity.sources[0]?.source);
  const nameId = `gloss-card-name-${entity.id}`;
  const summaryId = `gloss-card-summary-${entity.id}`;
  return (
    <section class="card" role="dialog" aria-labelledby={nameId} aria-describedby={summaryId} tabIndex={-1} data-kind={entity.kind}>
      <header class="card__header">
        <div>
          <h2 class="card__name" id={nameId}>
            {entity.name}
          </h2>
          <p class="card__role">
            <span class="card__kind">{KIND_LABEL[entity.kind]}</span> · {entity.role.text}
          </p>
        </div>
        {onClose && (
          <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <div class="card__summary" id={summaryId}>
        {entity.summary.map((claim) => (
          <p key={claim.text}>{claim.text}</p>
        ))}
      </div>
      {entity.quotes.length > 0 && (
        <ul class="card__quotes" aria-label="Quotes">
          {entity.quotes.slice(0, MAX_QUOTES).map((quote) => (
            <li key={quote.text}>
              <blockquote>“{quote.text}”</blockquote>
              <cite>— {byId.get(quote.speaker)?.name ?? quote.speaker}</cite>
            </li>
          ))}
        </ul>
      )}
      {entity.related.length > 0 && (
        <div class="card__related">
          <h3>Related</h3>
          <ul>
            {entity.related.map((rel) => (
              <li key={rel.id}>
                <button type="button" class="card__link" title={rel.reason} onClick={() => onRelated?.(rel.id)}>
                  {byId.get(rel.id)?.name ?? rel.id}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {topics.length > 0 && (
        <ul class="card__topics" aria-label="Topics">
          {topics.map((topic) => (
            <li key={topic.id} title={topic.description}>
              {topic.label}
            </li>
          ))}
        </ul>
      )}
      {source && (
        <footer class="card__source">
          Source: {source.publisher},{' '}
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.title}
          </a>
          , <time dateTime={source.date}>{formatDate(source.date)}</time>
        </footer>
      )}
    </section>
  );
}
