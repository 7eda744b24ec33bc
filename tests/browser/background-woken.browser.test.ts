/**
 * The background holds the knowledge, and Chromium stops an idle extension's service worker after 30 s: the next
 * page's question for the knowledge, and a card's for its content, must start it again and be answered. This fails
 * if the background registers its listener late (after an await), when a woken worker would miss the question.
 * Chromium only: Firefox gives automation no way to suspend an extension's event page.
 */
import { describe, expect, it } from 'vitest';
import { useGlossSuite } from './gloss-suite';

describe('a page opened after chromium stopped the idle background', () => {
  const suite = useGlossSuite('chromium', { startPage: 'feed.html' });

  it('is marked as with the background awake, and its cards open', async () => {
    const awake = await suite.openMarkedArticle();
    await suite.waitForFirstPass(awake);
    const marks = await awake.highlights();
    await awake.close();

    await suite.browser.stopBackground!();
    const woken = await suite.openMarkedArticle();
    await suite.waitForFirstPass(woken);
    expect(await woken.highlights()).toEqual(marks);

    await suite.browser.stopBackground!();
    await woken.hoverText('Fatemeh Aman');
    await woken.waitFor(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role=dialog]') != null, 'the card');
    const card = await woken.dialog();
    expect(card?.name).toBe('Fatemeh Aman');
    expect(card?.text).toContain('Senior fellow');
    await woken.close();
  });
});
