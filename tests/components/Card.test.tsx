import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import knowledge from 'virtual:gloss-knowledge';
import { Card } from '@/components/Card';
import { readTextDirective } from '../support/text-directive';

const entity = (id: string) => knowledge.entities.find((e) => e.id === id)!;

afterEach(cleanup);

describe('the card', () => {
  it('is a dialog named after the entity, described by its summary', () => {
    render(<Card entity={entity('fatemeh-aman')} knowledge={knowledge} />);
    const dialog = screen.getByRole('dialog', { name: 'Fatemeh Aman' });
    const parts = dialog
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent);
    expect(parts).toEqual(entity('fatemeh-aman').summary.map((claim) => claim.text));
  });

  it('shows the kind and the role, and the date and publisher it is true as of', () => {
    render(<Card entity={entity('ishaq-dar')} knowledge={knowledge} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('.card__role')!.textContent).toBe(`Person · ${entity('ishaq-dar').role.text} ¶${entity('ishaq-dar').role.paragraph}`);
    expect(dialog.querySelector('.card__as-of')!.textContent).toBe('As of 6 August 2025 (DW)');
  });

  it('takes the "as of" line from the source in the knowledge', () => {
    const other = { ...knowledge, sources: [{ ...knowledge.sources[0]!, date: '2024-02-29', publisher: 'Dawn' }] };
    render(<Card entity={entity('ishaq-dar')} knowledge={other} />);
    expect(screen.getByRole('dialog').querySelector('.card__as-of')!.textContent).toBe('As of 29 February 2024 (Dawn)');
  });

  it('follows the role, every summary sentence and every quote with a link to its paragraph of the article', () => {
    const aman = entity('fatemeh-aman');
    render(<Card entity={aman} knowledge={knowledge} />);
    const claims = [aman.role, ...aman.summary, ...aman.quotes.slice(0, 3)];
    const markers = screen.getAllByRole('link', { name: /^Source: DW, paragraph \d+ \(opens in a new tab\)$/ });
    expect(markers.map((a) => a.getAttribute('aria-label'))).toEqual(
      claims.map((claim) => `Source: DW, paragraph ${claim.paragraph} (opens in a new tab)`),
    );
    markers.forEach((marker, i) => {
      const passage = knowledge.sources[0]!.passages.find((p) => p.paragraph === claims[i]!.paragraph)!;
      expect(readTextDirective(marker.getAttribute('href')!)).toEqual({ start: passage.start, end: passage.end });
      expect(marker.getAttribute('href')!.startsWith(knowledge.sources[0]!.url)).toBe(true);
      expect(marker.getAttribute('target')).toBe('_blank');
    });
  });

  it.each([
    [
      'a short form resolved by an earlier full name',
      'shehbaz-sharif',
      { text: 'Sharif', via: 'context' as const },
      '“Sharif” — taken as Shehbaz Sharif, named earlier on this page',
    ],
    [
      'a variant spelling',
      'masoud-pezeshkian',
      { text: 'Pezeshkiyan', via: 'variant' as const },
      '“Pezeshkiyan” — a variant spelling of Masoud Pezeshkian',
    ],
    ['the display name', 'shehbaz-sharif', { text: 'Shehbaz Sharif', via: 'name' as const }, null],
  ])('says why it was opened from %s', (_what, id, mark, line) => {
    render(<Card entity={entity(id)} knowledge={knowledge} mark={mark} />);
    expect(screen.getByRole('dialog').querySelector('.card__reason')?.textContent ?? null).toBe(line);
  });

  it('offers "Not …" for the mark it was opened from, and only then', () => {
    const onNotThis = vi.fn();
    const { unmount } = render(
      <Card entity={entity('shehbaz-sharif')} knowledge={knowledge} mark={{ text: 'Sharif', via: 'context' }} onNotThis={onNotThis} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Not Shehbaz Sharif here' }));
    expect(onNotThis).toHaveBeenCalledTimes(1);
    unmount();
    render(<Card entity={entity('shehbaz-sharif')} knowledge={knowledge} onNotThis={onNotThis} />);
    expect(screen.queryByRole('button', { name: /^Not / })).toBeNull();
  });

  it('shows at most three quotes, each with its speaker by name', () => {
    const aman = entity('fatemeh-aman');
    render(<Card entity={aman} knowledge={knowledge} />);
    const quotes = screen.getByRole('list', { name: 'Quotes' }).querySelectorAll('li');
    expect(quotes.length).toBe(Math.min(3, aman.quotes.length));
    expect(quotes[0]!.textContent).toContain(aman.quotes[0]!.text);
    expect(quotes[0]!.textContent).toContain('— Fatemeh Aman');
  });

  it('lists related entities as buttons that open their card', () => {
    const onRelated = vi.fn();
    const sharif = entity('shehbaz-sharif');
    render(<Card entity={sharif} knowledge={knowledge} onRelated={onRelated} />);
    const first = sharif.related[0]!;
    fireEvent.click(screen.getByRole('button', { name: entity(first.id).name }));
    expect(onRelated).toHaveBeenCalledWith(first.id);
  });

  it('names its topics and its source, with a real link to the article', () => {
    render(<Card entity={entity('chabahar')} knowledge={knowledge} />);
    const topics = screen.getByRole('list', { name: 'Topics' });
    for (const id of entity('chabahar').topics) expect(topics.textContent).toContain(knowledge.topics.find((t) => t.id === id)!.label);
    const link = screen.getByRole('link', { name: knowledge.sources[0]!.title });
    expect(link.getAttribute('href')).toBe(knowledge.sources[0]!.url);
    expect(link.closest('.card__source')!.textContent).toContain('6 August 2025');
  });

  it('renders knowledge text as text, never as markup', () => {
    const hostile = {
      ...entity('iran'),
      summary: [
        { text: '<img src=x onerror=alert(1)>Tehran', paragraph: 1, source: 'dw-2025-08-06' },
        { text: 'Second.', paragraph: 1, source: 'dw-2025-08-06' },
      ],
    };
    render(<Card entity={hostile} knowledge={knowledge} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>Tehran')).toBeTruthy();
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    render(<Card entity={entity('iran')} knowledge={knowledge} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
