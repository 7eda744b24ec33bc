import { describe, expect, it } from 'vitest';
import { buildBundle, cardKnowledge, cardsKnowledge, pageKnowledge } from '@/knowledge/bundle';
import { loadKnowledge, readKnowledgeFiles, validateKnowledge } from '@/knowledge/load';

const bundle = buildBundle(loadKnowledge());
const cards = cardsKnowledge(bundle);

describe('what pages carry and what a card is asked for', () => {
  it('gives pages each entity’s name, kind and topics, and no card content', () => {
    const page = pageKnowledge(bundle);
    expect(page.entities).toHaveLength(bundle.entities.length);
    for (const entity of page.entities) expect(Object.keys(entity).sort()).toEqual(['id', 'kind', 'name', 'topics']);
    expect(JSON.stringify(page)).not.toContain(bundle.entities.find((entity) => entity.id === 'fatemeh-aman')!.summary[0]);
  });

  it.each(bundle.entities.map((entity) => [entity.id]))('answers the card of %s with everything the card names', (id) => {
    const card = cardKnowledge(cards, id)!;
    const [entity] = card.entities;
    expect(entity).toEqual(cards.entities.find((candidate) => candidate.id === id));
    const ids = new Set(card.entities.map((named) => named.id));
    for (const quote of entity!.quotes) expect(ids).toContain(quote.speaker);
    for (const relation of entity!.related) expect(ids).toContain(relation.id);
    expect(card.topics.map((topic) => topic.id).sort()).toEqual([...entity!.topics].sort());
    expect(card.sources.map((source) => source.id).sort()).toEqual([...new Set(entity!.sources.map((cite) => cite.source))].sort());
  });

  it('answers a card of only what it names, not the whole knowledge', () => {
    const card = cardKnowledge(cards, 'fatemeh-aman')!;
    expect(card.entities.length).toBeLessThan(cards.entities.length);
  });

  it('answers nothing for an id it does not know', () => {
    expect(cardKnowledge(cards, 'no-such-entity')).toBeNull();
  });
});

describe('a card of knowledge with two sources', () => {
  const fixture = new URL('../fixtures/knowledge-two-sources/knowledge', import.meta.url).pathname;
  const twoSources = cardsKnowledge(buildBundle(validateKnowledge(readKnowledgeFiles(fixture))));

  it('is answered with both articles its claims rest on, and its past roles', () => {
    const card = cardKnowledge(twoSources, 'ilse-marrow')!;
    expect(card.sources.map((source) => source.publisher).sort()).toEqual(['Coast Post', 'Harbour Gazette']);
    expect(card.entities[0]!.pastRoles).toEqual([{ text: 'Mayor of Port Calder', paragraph: 4, source: 'harbour-gazette-2024-05-02' }]);
  });

  it('is answered with only the article of an entity that one names', () => {
    expect(cardKnowledge(twoSources, 'tomas-reyk')!.sources.map((source) => source.publisher)).toEqual(['Harbour Gazette']);
  });
});
