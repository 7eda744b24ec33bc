/**
 * The popup's search over all the knowledge: names, aliases, roles and
 * summaries, tolerant of misspellings ("baluchistan", "pezeshkyan").
 */
import Fuse from 'fuse.js';

export interface Searchable {
  id: string;
  name: string;
  aliases: readonly string[];
  role: { text: string };
  summary: readonly { text: string }[];
}

export function createSearch<E extends Searchable>(entities: readonly E[]): (query: string) => E[] {
  const fuse = new Fuse(entities, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'role.text', weight: 1 },
      { name: 'summary.text', weight: 0.5 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    ignoreDiacritics: true,
  });
  return (query) => (query.trim() === '' ? [] : fuse.search(query.trim(), { limit: 8 }).map((result) => result.item));
}
