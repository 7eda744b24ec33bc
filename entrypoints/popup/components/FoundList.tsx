import { kindPlural } from '@/core/kinds';
import type { Kind } from '@/core/types';
import type { PopupKnowledge } from '@/knowledge/bundle';

export interface FoundListProps {
  groups: { kind: Kind; items: { entity: PopupKnowledge['entities'][number]; count: number }[] }[];
  onReveal: (entity: string) => void;
}

/** "On this page": the entities found, by kind, each a button that shows it on the page. */
export function FoundList({ groups, onReveal }: FoundListProps) {
  if (groups.length === 0) return <p class="empty">No names Gloss knows on this page yet.</p>;
  return (
    <div class="found">
      {groups.map(({ kind, items }) => (
        <section key={kind} aria-label={kindPlural(kind)}>
          <h3>{kindPlural(kind)}</h3>
          <ul>
            {items.map(({ entity, count }) => (
              <li key={entity.id}>
                <button type="button" class="found__item" onClick={() => onReveal(entity.id)}>
                  <span>{entity.name}</span>
                  <span class="found__count">
                    {count}
                    <span class="visually-hidden"> {count === 1 ? 'mention' : 'mentions'}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
