import { describe, expect, it } from 'vitest';
import { buildBundle, cardKnowledge, cardsKnowledge, pageKnowledge } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

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
