import { describe, expect, it } from 'vitest';
import { countByKind, countByTopic, groupByKind } from '@/core/summary';
import { createSearch } from '@/core/search';
import { buildBundle } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

const entities = new Map([
  ['iran', { id: 'iran', name: 'Iran', kind: 'country' as const, topics: ['nuclear', 'trade'] }],
  ['india', { id: 'india', name: 'India', kind: 'country' as const, topics: ['energy'] }],
  ['bla', { id: 'bla', name: 'BLA', kind: 'group' as const, topics: ['security'] }],
  ['aman', { id: 'aman', name: 'Fatemeh Aman', kind: 'person' as const, topics: ['security', 'nuclear'] }],
]);
const found = [
  { entity: 'iran', count: 5 },
  { entity: 'bla', count: 2 },
  { entity: 'india', count: 5 },
  { entity: 'aman', count: 1 },
];

describe('counts on the page', () => {
  it('counts an entity’s marks under each of its topics', () => {
    expect(Object.fromEntries(countByTopic(found, entities))).toEqual({ nuclear: 6, trade: 5, energy: 5, security: 3 });
  });

  it('counts marks per kind', () => {
    expect(Object.fromEntries(countByKind(found, entities))).toEqual({ country: 10, group: 2, person: 1 });
  });

  it('groups what was found by kind, people first, most mentioned first, ties by name', () => {
    expect(groupByKind(found, entities).map((g) => [g.kind, g.items.map((i) => `${i.entity.name} ${i.count}`)])).toEqual([
      ['person', ['Fatemeh Aman 1']],
      ['group', ['BLA 2']],
      ['country', ['India 5', 'Iran 5']],
    ]);
  });
});

describe('search over the knowledge', () => {
  const search = createSearch(buildBundle(loadKnowledge()).entities);

  it.each([
    ['baluchistan', 'balochistan'],
    ['pezeshkyan', 'masoud-pezeshkian'],
    ['Sharif', 'shehbaz-sharif'],
    ['army of justice', 'jaish-al-adl'],
    ['middle east institute', 'middle-east-institute'],
    ['port', 'chabahar'],
  ])('finds %s → %s first', (query, id) => {
    expect(search(query)[0]?.id).toBe(id);
  });

  it('finds nothing for an empty box', () => {
    expect(search('   ')).toEqual([]);
  });
});
