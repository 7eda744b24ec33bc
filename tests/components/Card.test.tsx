import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import knowledge from 'virtual:gloss-knowledge';
import { Card } from '@/components/Card';

const entity = (id: string) => knowledge.entities.find((e) => e.id === id)!;

afterEach(cleanup);

describe('the card', () => {
  it('is a dialog named after the entity, described by its summary', () => {
    render(<Card entity={entity('fatemeh-aman')} knowledge={knowledge} />);
    const dialog = screen.getByRole('dialog', { name: 'Fatemeh Aman' });
    const summary = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toBe(entity('fatemeh-aman').summary.map((claim) => claim.text).join(''));
  });

  it('shows the kind and the role as of the article', () => {
    render(<Card entity={entity('ishaq-dar')} knowledge={knowledge} />);
    const dialog = screen.getByRole('dialog');
    const role = dialog.querySelector('.card__role')!;
    expect(role.textContent).toBe(`Person · ${entity('ishaq-dar').role.text}`);
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
    expect(screen.getByText(/6 August 2025/)).toBeTruthy();
  });

  it('renders knowledge text as text, never as markup', () => {
    const hostile = { ...entity('iran'), summary: [{ text: '<img src=x onerror=alert(1)>Tehran', paragraph: 1 }, { text: 'Second.', paragraph: 1 }] };
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
