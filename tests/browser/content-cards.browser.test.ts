/**
 * Cards on real pages, in both browsers: opened by hover, by keyboard focus on a link that holds a mark and by the
 * keyboard command; a related entity's card from a card; closed when the pointer or focus leaves, or on Escape.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './driver';
import { useGlossSuite } from './gloss-suite';

describe.each(BROWSERS)('cards in %s', (browserName) => {
  const suite = useGlossSuite(browserName, { startPage: 'feed.html' });

  it('opens a card named after the entity on hover, with its role and a quote, and closes it when the pointer leaves', async () => {
    const page = await suite.openMarkedArticle();
    await page.hoverText('Fatemeh Aman');
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    const card = await page.dialog();
    expect(card?.name).toBe('Fatemeh Aman');
    // The whole card is on screen, however long it is.
    const box = await page.evaluate(() => {
      const rect = document.querySelector('gloss-card')!.shadowRoot!.querySelector('[role=dialog]')!.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expect(card?.text).toContain('Senior fellow');
    expect(card?.text).toMatch(/“[^”]+”\s*— Fatemeh Aman/);
    await page.moveAway();
    await page.waitFor(() => !document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]'), 'the card to close');
    await page.close();
  });

  it('opens the card of a mark inside a link when the link gets keyboard focus', async () => {
    const page = await suite.openMarkedArticle();
    await page.evaluate(() => document.querySelector<HTMLElement>('nav a[href="/about"]')!.focus());
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Masoud Pezeshkian');
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    expect((await page.dialog())?.name).toBe('Masoud Pezeshkian');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Masoud Pezeshkian');
    await page.press('Tab');
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Fatemeh Aman',
      'the card to follow focus to the next link',
    );
    // The related-stories rail is not the article: its link holds no mark, so the card closes.
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Trump praises Pakistan's mediation");
    await page.waitFor(
      () => !document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]'),
      'the card to close when focus leaves the marks',
    );
    await page.close();
  });

  it('moves nothing on the page when it adds its card host and live region, on a grid body with rules for its last child', async () => {
    await suite.setSettings(undefined);
    const page = await suite.open('grid-body.html');
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=status]')?.textContent !== '',
      'the announcement',
    );
    await page.hoverText('Masoud Pezeshkian');
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    expect((await page.dialog())?.name).toBe('Masoud Pezeshkian');
    const boxes = await page.evaluate(() =>
      [...document.body.children].filter((el) => el.localName === 'p').map((el) => JSON.stringify(el.getBoundingClientRect())),
    );
    expect(boxes).toEqual(await page.evaluate(() => (window as any).boxesAtLoad));
    expect(await page.evaluate(() => document.body.children.length), 'the body holds only the page').toBe(4);
    await page.close();
  });

  it('opens the related entity from the card, and closes on Escape', async () => {
    const page = await suite.openMarkedArticle();
    await page.hoverText('Balochistan Liberation Army');
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    await page.click('Jaish al-Adl');
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Jaish al-Adl',
      'the related card',
    );
    expect((await page.dialog())?.name).toBe('Jaish al-Adl');
    await page.press('Escape');
    expect(await page.dialog()).toBeNull();
    await page.close();
  });

  it('walks the marks with the keyboard command, moving focus into the card, and Escape returns focus', async () => {
    const page = await suite.openMarkedArticle();
    await page.evaluate(() => document.querySelector<HTMLElement>('nav a')!.focus());
    await suite.sendToPage(page, { type: 'gloss:step', direction: 1 });
    await page.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.activeElement?.getAttribute('role') === 'dialog', 'focus in the card');
    expect((await page.dialog())?.name).toBe('Iran');
    await suite.sendToPage(page, { type: 'gloss:step', direction: 1 });
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Pakistan',
      'the next card',
    );
    await suite.sendToPage(page, { type: 'gloss:step', direction: -1 });
    await page.waitFor(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent === 'Iran',
      'the previous card',
    );
    await page.press('Escape');
    expect(await page.dialog()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
    await page.close();
  });
});
