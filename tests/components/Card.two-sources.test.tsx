import { cleanup, render, screen } from '@testing-library/preact';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Card } from '@/components/Card';
import { buildBundle, cardKnowledge, cardsKnowledge, type CardKnowledge } from '@/knowledge/bundle';
import { readKnowledgeFiles, validateKnowledge } from '@/knowledge/load';
import { readTextDirective } from '../support/text-directive';

// Vitest runs from the project's root; this environment's import.meta.url is a dev-server address, not a file.
const FIXTURE = resolve('tests/fixtures/knowledge-two-sources/knowledge');
const cards = cardsKnowledge(buildBundle(validateKnowledge(readKnowledgeFiles(FIXTURE))));
const GAZETTE = 'https://harbour-gazette.example.org/news/port-calder-ferry-terminal';
const POST = 'https://coastpost.example.net/politics/transport-minister-ferries';

/** The card of `id` as the background answers it. */
function renderCard(id: string, knowledge: CardKnowledge | null = cardKnowledge(cards, id)) {
  render(<Card entity={knowledge!.entities[0]!} knowledge={knowledge!} />);
  return screen.getByRole('dialog');
}

const markers = () => screen.getAllByRole('link', { name: /^Source: / });

afterEach(cleanup);

describe('the card of an entity with two sources', () => {
  it('shows the newest role first with its own date, and the older role as history with its date', () => {
    const dialog = renderCard('ilse-marrow');
    const lines = [...dialog.querySelectorAll('.card__role, .card__as-of, .card__earlier')].map((line) => line.textContent);
    expect(lines).toEqual([
      'Person · Transport minister of Velmora Coast Post ¶3',
      'As of 10 February 2025 (Coast Post)',
      'Earlier: Mayor of Port Calder Harbour Gazette ¶4 — As of 2 May 2024 (Harbour Gazette)',
    ]);
  });

  it('says on each claim which source and paragraph it rests on', () => {
    renderCard('ilse-marrow');
    expect(markers().map((marker) => [marker.textContent, marker.getAttribute('aria-label')])).toEqual([
      ['Coast Post ¶3', 'Source: Coast Post, paragraph 3 (opens in a new tab)'],
      ['Harbour Gazette ¶4', 'Source: Harbour Gazette, paragraph 4 (opens in a new tab)'],
      ['Harbour Gazette ¶4', 'Source: Harbour Gazette, paragraph 4 (opens in a new tab)'],
      ['Coast Post ¶4', 'Source: Coast Post, paragraph 4 (opens in a new tab)'],
      ['Harbour Gazette ¶4', 'Source: Harbour Gazette, paragraph 4 (opens in a new tab)'],
      ['Coast Post ¶4', 'Source: Coast Post, paragraph 4 (opens in a new tab)'],
    ]);
  });

  it('links each marker to its own article, opened at the paragraph', () => {
    renderCard('ilse-marrow');
    const [role, pastRole] = markers();
    expect(role!.getAttribute('href')!.startsWith(`${POST}#:~:text=`)).toBe(true);
    expect(readTextDirective(role!.getAttribute('href')!)).toEqual({ start: 'Ilse Marrow, the former', end: 'transport minister on Monday' });
    expect(pastRole!.getAttribute('href')!.startsWith(`${GAZETTE}#:~:text=`)).toBe(true);
    expect(readTextDirective(pastRole!.getAttribute('href')!)).toEqual({ start: 'Mayor Ilse Marrow cut', end: 'Marrow said' });
  });

  it('quotes from both articles', () => {
    renderCard('ilse-marrow');
    const quotes = [...screen.getByRole('list', { name: 'Quotes' }).querySelectorAll('li')].map((li) => li.textContent);
    expect(quotes).toEqual([
      '“This terminal belongs to the people who waited for it”— Ilse Marrow Harbour Gazette ¶4',
      "“Nobody should pay a day's wages to cross the strait”— Ilse Marrow Coast Post ¶4",
    ]);
  });

  it('names both sources, the newest first, each with a link to its article', () => {
    const dialog = renderCard('port-calder');
    expect(dialog.querySelector('.card__source')!.textContent).toBe(
      "Sources: Coast Post, Velmora's new transport minister promises cheaper ferries, 10 February 2025; " +
        'Harbour Gazette, Port Calder opens its new ferry terminal, 2 May 2024',
    );
    expect(screen.getByRole('link', { name: "Velmora's new transport minister promises cheaper ferries" }).getAttribute('href')).toBe(POST);
    expect(screen.getByRole('link', { name: 'Port Calder opens its new ferry terminal' }).getAttribute('href')).toBe(GAZETTE);
  });

  it('tells two articles of one publisher apart by their dates', () => {
    const knowledge = cardKnowledge(cards, 'ilse-marrow')!;
    const samePublisher = { ...knowledge, sources: knowledge.sources.map((source) => ({ ...source, publisher: 'Coast Post' })) };
    renderCard('ilse-marrow', samePublisher);
    expect(markers()[0]!.textContent).toBe('Coast Post, 10 February 2025 ¶3');
    expect(markers()[1]!.getAttribute('aria-label')).toBe('Source: Coast Post, 2 May 2024, paragraph 4 (opens in a new tab)');
  });
});

describe('the card of an entity with one source, in knowledge of two', () => {
  it('looks as a single-source card always has: bare ¶ markers, no history, one source', () => {
    const dialog = renderCard('tomas-reyk');
    expect(markers().map((marker) => marker.textContent)).toEqual(['¶6', '¶6', '¶6', '¶6']);
    expect(markers()[0]!.getAttribute('aria-label')).toBe('Source: Harbour Gazette, paragraph 6 (opens in a new tab)');
    expect(dialog.querySelector('.card__as-of')!.textContent).toBe('As of 2 May 2024 (Harbour Gazette)');
    expect(dialog.querySelector('.card__earlier')).toBeNull();
    expect(dialog.querySelector('.card__source')!.textContent).toBe('Source: Harbour Gazette, Port Calder opens its new ferry terminal, 2 May 2024');
  });
});
