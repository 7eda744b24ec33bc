import { describe, expect, it } from 'vitest';
import { loadKnowledge, validateKnowledge } from '../../knowledge/load';
import type { Knowledge } from '../../knowledge/schema';
import { syntheticKnowledge } from '../../bench/synthetic-knowledge';

const real = loadKnowledge();
const rounds = 2;
const synthetic = validateKnowledge(syntheticKnowledge(real, rounds * real.entities.length));

const tally = (knowledge: Knowledge, of: (entity: Knowledge['entities'][number]) => string[]) => {
  const counts: Record<string, number> = {};
  for (const entity of knowledge.entities) for (const key of of(entity)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};
const times = (counts: Record<string, number>, factor: number) => Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v * factor]));

describe('synthetic knowledge for the scale benchmark', () => {
  it('passes the knowledge check, with names of its own', () => {
    const realForms = new Set(real.entities.flatMap((entity) => entity.aliases.map((alias) => alias.text)));
    const shared = synthetic.entities.flatMap((entity) => entity.aliases.filter((alias) => realForms.has(alias.text)));
    expect(synthetic.entities).toHaveLength(rounds * real.entities.length);
    expect(shared).toEqual([]);
  });

  it.each([
    ['kinds', (entity: Knowledge['entities'][number]) => [entity.kind]],
    ['alias forms', (entity: Knowledge['entities'][number]) => entity.aliases.map((alias) => alias.form)],
    ['titles', (entity: Knowledge['entities'][number]) => entity.titles ?? []],
  ])('has the real knowledge’s mix of %s', (_, of) => {
    expect(tally(synthetic, of)).toEqual(times(tally(real, of), rounds));
  });

  it('has the real share of quotes and relations', () => {
    const count = (knowledge: Knowledge, field: 'quotes' | 'related') => knowledge.entities.reduce((n, entity) => n + entity[field].length, 0);
    expect(count(synthetic, 'quotes')).toBe(rounds * count(real, 'quotes'));
    expect(count(synthetic, 'related')).toBe(rounds * count(real, 'related'));
  });

  // The benchmark matches one page, naming the first entities, against every size.
  it('begins with the same entities, under the same names, whatever its size', () => {
    const first = validateKnowledge(syntheticKnowledge(real, real.entities.length)).entities;
    const names = (entities: Knowledge['entities']) => entities.map((entity) => [entity.id, entity.aliases.map((alias) => alias.text)]);
    expect(names(synthetic.entities.slice(0, first.length))).toEqual(names(first));
  });
});
