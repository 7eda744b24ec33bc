/**
 * What the popup shows about a page, derived from the marks a page reports:
 * counts per topic and per kind, and the entities found, grouped by kind.
 * Pure, so the numbers the reader sees are tested without a browser.
 */
import { KIND_IDS, type Kind } from './kinds';

export interface Found {
  entity: string;
  count: number;
}

interface EntityLike {
  id: string;
  name: string;
  kind: Kind;
  topics: readonly string[];
}

/** Marks on the page per topic id: an entity's marks count for each of its topics. */
export function countByTopic(found: readonly Found[], entities: ReadonlyMap<string, EntityLike>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entity, count } of found) {
    for (const topic of entities.get(entity)?.topics ?? []) counts.set(topic, (counts.get(topic) ?? 0) + count);
  }
  return counts;
}

export function countByKind(found: readonly Found[], entities: ReadonlyMap<string, EntityLike>): Map<Kind, number> {
  const counts = new Map<Kind, number>();
  for (const { entity, count } of found) {
    const kind = entities.get(entity)?.kind;
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + count);
  }
  return counts;
}

/** The entities found, grouped by kind in a fixed order, most mentioned first, then by name. */
export function groupByKind<E extends EntityLike>(
  found: readonly Found[],
  entities: ReadonlyMap<string, E>,
): { kind: Kind; items: { entity: E; count: number }[] }[] {
  return KIND_IDS.map((kind) => ({
    kind,
    items: found
      .map(({ entity, count }) => ({ entity: entities.get(entity)!, count }))
      .filter((item) => item.entity?.kind === kind)
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name)),
  })).filter((group) => group.items.length > 0);
}
