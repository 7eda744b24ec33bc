import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import knowledge from 'virtual:gloss-knowledge/popup';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import type { PageSummary } from '@/utils/messaging';
import { SearchBox } from '@/entrypoints/popup/components/SearchBox';
import { SearchResults } from '@/entrypoints/popup/components/SearchResults';
import { App } from '@/entrypoints/popup/App';
import type { PopupApi } from '@/entrypoints/popup/popup-api';

afterEach(cleanup);

const PAGE: PageSummary = {
  hostname: 'news.example',
  active: true,
  found: [
    { entity: 'iran', count: 4 },
    { entity: 'shehbaz-sharif', count: 2 },
    { entity: 'balochistan-liberation-army', count: 3 },
  ],
};

function fakeApi(summary: PageSummary | null = PAGE, stored: Settings = { ...DEFAULT_SETTINGS }) {
  let current = stored;
  return {
    loadSettings: vi.fn(async () => current),
    saveSettings: vi.fn(async (next: Settings) => {
      current = next;
    }),
    watchSettings: () => undefined,
    summary: vi.fn(async () => summary),
    reveal: vi.fn(async () => undefined),
  } satisfies PopupApi;
}

function setup(summary?: PageSummary | null, stored?: Settings) {
  const api = fakeApi(summary, stored);
  render(<App knowledge={knowledge} api={api} tabId={7} />);
  return api;
}

describe('the popup', () => {
  it('has a switch for this site, named for the site, and one for everywhere', async () => {
    setup();
    expect(await screen.findByRole('switch', { name: /Gloss on this site \(news\.example\)/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('switch', { name: 'Gloss everywhere' })).toHaveProperty('checked', true);
  });

  it('switches this site off by saving its hostname, and nothing about the page', async () => {
    const api = setup();
    fireEvent.click(await screen.findByRole('switch', { name: /on this site/ }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
    expect(api.saveSettings.mock.calls.at(-1)![0]).toEqual({ ...DEFAULT_SETTINGS, sitesOff: ['news.example'] });
  });

  it('shows each topic as a switch with the marks it holds on the page', async () => {
    setup();
    // Iran (4) is in security and militancy, and so is the BLA (3) and Shehbaz Sharif (2).
    const security = await screen.findByRole('switch', { name: 'Security and militancy' });
    const description = knowledge.topics.find((t) => t.id === 'security-militancy')!.description;
    expect(screen.getByRole('switch', { name: 'Security and militancy', description: `9 on this page ${description}` })).toBe(security);
    expect((security.closest('.switch') as HTMLElement).textContent).toContain(description);
  });

  it('switches a topic off and a kind off', async () => {
    const api = setup();
    fireEvent.click(await screen.findByRole('switch', { name: 'Trade, sanctions and smuggling' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Places' }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalledTimes(2));
    expect(api.saveSettings.mock.calls.at(-1)![0]).toMatchObject({ topicsOff: ['trade-sanctions'], kindsOff: ['place'] });
  });

  it('counts marks per kind', async () => {
    setup();
    expect(await screen.findByRole('switch', { name: 'People', description: '2 on this page' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Countries', description: '4 on this page' })).toBeTruthy();
  });

  it('lists what was found by kind, and shows one on the page when chosen', async () => {
    const api = setup();
    const people = await screen.findByRole('region', { name: 'People' });
    expect(within(people).getByRole('button').textContent).toBe('Shehbaz Sharif2 mentions');
    fireEvent.click(screen.getByRole('button', { name: /Balochistan Liberation Army/ }));
    expect(api.reveal).toHaveBeenCalledWith(7, 'balochistan-liberation-army');
  });

  it('lists the marks hidden on this site with "Not …", each with an undo that saves the settings without it', async () => {
    const sharif = { site: 'news.example', text: 'Sharif', entity: 'shehbaz-sharif' };
    const elsewhere = { site: 'other.example', text: 'Dar', entity: 'ishaq-dar' };
    const api = setup(PAGE, { ...DEFAULT_SETTINGS, hidden: [sharif, elsewhere] });
    const list = await screen.findByRole('list', { name: 'Hidden on this site' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('span')!.textContent),
    ).toEqual(['“Sharif” → Shehbaz Sharif']);
    fireEvent.click(within(list).getByRole('button', { name: 'Undo: show “Sharif” as Shehbaz Sharif again' }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
    expect(api.saveSettings.mock.calls.at(-1)![0].hidden).toEqual([elsewhere]);
    expect(screen.queryByRole('list', { name: 'Hidden on this site' })).toBeNull();
  });

  it('offers to mark the article or the whole page on this site, and keeps the choice for the site alone', async () => {
    const api = setup(PAGE, { ...DEFAULT_SETTINGS, wholePage: ['other.example'] });
    const choices = await screen.findByRole('group', { name: 'Mark on this site' });
    expect(within(choices).getByRole('radio', { name: 'The article' })).toHaveProperty('checked', true);
    fireEvent.click(within(choices).getByRole('radio', { name: 'The whole page' }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
    expect(api.saveSettings.mock.calls.at(-1)![0].wholePage).toEqual(['other.example', 'news.example']);
    expect(within(choices).getByRole('radio', { name: 'The whole page' })).toHaveProperty('checked', true);
    fireEvent.click(within(choices).getByRole('radio', { name: 'The article' }));
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalledTimes(2));
    expect(api.saveSettings.mock.calls.at(-1)![0].wholePage).toEqual(['other.example']);
  });

  it('switches the screen-reader announcement off', async () => {
    const api = setup();
    const announce = await screen.findByRole('switch', { name: 'Tell screen readers what was found' });
    expect(announce).toHaveProperty('checked', true);
    fireEvent.click(announce);
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
    expect(api.saveSettings.mock.calls.at(-1)![0]).toEqual({ ...DEFAULT_SETTINGS, announce: false });
  });

  it('says plainly when Gloss can’t run on the page', async () => {
    setup(null);
    expect((await screen.findByRole('status')).textContent).toMatch(/can’t run on this page/);
    expect(screen.queryByRole('switch', { name: 'People' })).toBeNull();
  });

  it('has a friendly empty state when the page names nothing Gloss knows', async () => {
    setup({ hostname: 'blog.example', active: true, found: [] });
    expect(await screen.findByText(/No names Gloss knows on this page/)).toBeTruthy();
  });

  it('searches all the knowledge, misspellings too, and opens a card for a result', async () => {
    setup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search what Gloss knows' }), { target: { value: 'pezeshkyan' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    fireEvent.click(within(results).getAllByRole('button')[0]!);
    expect(await screen.findByRole('dialog', { name: 'Masoud Pezeshkian' })).toBeTruthy();
  });

  it('shows the answers it was given from its first render, without asking again', () => {
    const api = fakeApi();
    render(<App knowledge={knowledge} api={api} tabId={7} first={{ settings: { ...DEFAULT_SETTINGS, kindsOff: ['place'] }, summary: PAGE }} />);
    expect(screen.getByRole('switch', { name: 'Places' })).toHaveProperty('checked', false);
    expect(screen.getByRole('button', { name: /Balochistan Liberation Army/ })).toBeTruthy();
    expect(api.loadSettings).not.toHaveBeenCalled();
    expect(api.summary).not.toHaveBeenCalled();
  });

  it('names the source article with its date and link', () => {
    setup();
    const link = screen.getByRole('link', { name: knowledge.sources[0]!.title });
    expect(link.getAttribute('href')).toBe(knowledge.sources[0]!.url);
    expect(screen.getByText('6 August 2025')).toBeTruthy();
  });

  it('reaches every control with the keyboard alone', async () => {
    setup();
    await screen.findByRole('switch', { name: 'People' });
    const focusable = [...document.querySelectorAll<HTMLElement>('input, button, a[href]')];
    expect(focusable.length).toBeGreaterThan(15);
    for (const element of focusable) expect(element.tabIndex).toBeGreaterThanOrEqual(0);
  });
});

describe('the search, loaded on demand', () => {
  function deferredLoad() {
    let resolve!: (component: typeof SearchResults) => void;
    const load = vi.fn(() => new Promise<typeof SearchResults>((done) => (resolve = done)));
    return { load, loaded: () => resolve(SearchResults) };
  }

  it('starts loading when the box gets focus, as from the keyboard', () => {
    const { load } = deferredLoad();
    render(<SearchBox load={load} />);
    expect(load).not.toHaveBeenCalled();
    screen.getByRole('searchbox').focus();
    expect(load).toHaveBeenCalled();
  });

  it('keeps what was typed before it loaded and searches it once it has', async () => {
    const { load, loaded } = deferredLoad();
    render(<SearchBox load={load} />);
    const box = screen.getByRole('searchbox', { name: 'Search what Gloss knows' });
    fireEvent.input(box, { target: { value: 'p' } });
    fireEvent.input(box, { target: { value: 'pezeshkyan' } });
    expect(screen.getByText('Loading the search…')).toBeTruthy();
    loaded();
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('button')[0]!.textContent).toMatch(/^Masoud Pezeshkian/);
    expect(box).toHaveProperty('value', 'pezeshkyan');
  });

  it('loads ahead when the popup has shown the page', () => {
    const { load } = deferredLoad();
    render(<SearchBox load={load} preload />);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
