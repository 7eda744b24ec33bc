import { kindLabel } from '@/core/kinds';
import type { CardEntity, CardKnowledge } from '@/knowledge/bundle';
import { cite, markerLabels, sourcesOf } from '@/knowledge/citations';
import type { Source } from '@/knowledge/schema';
import { formatDate } from '@/core/format-date';
import { mentionReason } from '@/core/mention-reason';
import type { MatchVia } from '@/core/types';

const MAX_QUOTES = 3;

export interface CardProps {
  entity: CardEntity;
  knowledge: CardKnowledge;
  /** The words on the page the card was opened from, and why the matcher took them for the entity. */
  mark?: { text: string; via: MatchVia };
  /** Opens another entity's card in place of this one. */
  onRelated?: (id: string) => void;
  onClose?: () => void;
  /** The reader says the mark's words don't name this entity on this site. */
  onNotThis?: () => void;
}

/** A small link after a claim that opens its article at the paragraph it rests on; `label` names the source where the entity has several. */
function SourceMarker({ source, label, paragraph }: { source: Source | undefined; label: string; paragraph: number }) {
  if (!source) return null;
  const { url } = cite(source, paragraph);
  const title = `Source: ${label || source.publisher}, paragraph ${paragraph}`;
  return (
    <>
      {' '}
      <a class="card__cite" href={url} target="_blank" rel="noreferrer" aria-label={`${title} (opens in a new tab)`} title={title}>
        {label && `${label} `}¶{paragraph}
      </a>
    </>
  );
}

/** "As of 6 August 2025 (DW)": the date and publisher of the source a role rests on. */
function AsOf({ source }: { source: Source }) {
  return (
    <>
      As of <time dateTime={source.date}>{formatDate(source.date)}</time> ({source.publisher})
    </>
  );
}

/**
 * What the source says about one entity. Knowledge text is rendered as text
 * (JSX escapes it), never as HTML.
 */
export function Card({ entity, knowledge, mark, onRelated, onClose, onNotThis }: CardProps) {
  const byId = new Map(knowledge.entities.map((e) => [e.id, e]));
  const topics = knowledge.topics.filter((topic) => entity.topics.includes(topic.id));
  const sources = sourcesOf(knowledge.sources, entity);
  const labels = markerLabels(sources);
  const sourceOf = (claim: { source: string }) => sources.find((source) => source.id === claim.source);
  const marker = (claim: { source: string; paragraph: number }) => (
    <SourceMarker source={sourceOf(claim)} label={labels.get(claim.source) ?? ''} paragraph={claim.paragraph} />
  );
  const roleSource = sourceOf(entity.role);
  const reason = mark && mentionReason(mark, entity.name);
  const nameId = `gloss-card-name-${entity.id}`;
  const summaryId = `gloss-card-summary-${entity.id}`;
  return (
    <section
      class="card"
      role="dialog"
      aria-labelledby={nameId}
      aria-describedby={entity.summary.map((_, i) => `${summaryId}-${i}`).join(' ')}
      tabIndex={-1}
      data-kind={entity.kind}
    >
      <div class="card__header">
        <div>
          <h2 class="card__name" id={nameId}>
            {entity.name}
          </h2>
          <p class="card__role">
            <span class="card__kind">{kindLabel(entity.kind)}</span> · {entity.role.text}
            {marker(entity.role)}
          </p>
          {roleSource && (
            <p class="card__as-of">
              <AsOf source={roleSource} />
            </p>
          )}
          {entity.pastRoles.map((role) => {
            const source = sourceOf(role);
            return (
              <p class="card__earlier" key={`${role.source} ${role.text}`}>
                Earlier: {role.text}
                {marker(role)}
                {source && (
                  <>
                    {' '}
                    — <AsOf source={source} />
                  </>
                )}
              </p>
            );
          })}
        </div>
        {onClose && (
          <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {reason && <p class="card__reason">{reason}</p>}
      <div class="card__summary">
        {entity.summary.map((claim, i) => (
          <p key={claim.text}>
            {/* The description is the claims alone: their source markers would read as noise. */}
            <span id={`${summaryId}-${i}`}>{claim.text}</span>
            {marker(claim)}
          </p>
        ))}
      </div>
      {entity.quotes.length > 0 && (
        <ul class="card__quotes" aria-label="Quotes">
          {entity.quotes.slice(0, MAX_QUOTES).map((quote) => (
            <li key={quote.text}>
              <blockquote>“{quote.text}”</blockquote>
              <cite>
                — {byId.get(quote.speaker)?.name ?? quote.speaker}
                {marker(quote)}
              </cite>
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
      {mark && onNotThis && (
        <button type="button" class="card__not-this" onClick={onNotThis}>
          Not {entity.name} here
        </button>
      )}
      {sources.length > 0 && (
        <p class="card__source">
          {sources.length > 1 ? 'Sources: ' : 'Source: '}
          {sources.map((source, i) => (
            <span key={source.id}>
              {i > 0 && '; '}
              {source.publisher},{' '}
              <a href={source.url} target="_blank" rel="noreferrer">
                {source.title}
              </a>
              , <time dateTime={source.date}>{formatDate(source.date)}</time>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
