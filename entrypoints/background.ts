/**
 * The background script: it forwards the keyboard commands, which the browser
 * delivers here, to the active tab's content script; tells content scripts
 * which key the reader set, to announce it; and holds the knowledge: a page's
 * content script asks for the packed index as it starts, and a card's content
 * when a card first opens, so that the script every page parses carries none.
 */
import { browser, defineBackground } from '#imports';
import { cardKnowledge, type CardKnowledge, type PackedPage } from '@/knowledge/bundle';
import { PACKAGED } from '@/knowledge/packaged';
import { isCardQuestion, isKnowledgeQuestion, isShortcutQuestion, sendToTab } from '@/utils/messaging';

/**
 * A file of the package, read when first asked for and kept while the background lives: the browser wakes the
 * background for a page's question, and parsing all the knowledge first would make every such page wait.
 */
function packaged<T>(path: (typeof PACKAGED)[keyof typeof PACKAGED]): () => Promise<T> {
  let read: Promise<T> | null = null;
  return () => {
    read ??= fetch(browser.runtime.getURL(path))
      .then((response) => response.json() as Promise<T>)
      .catch((error: unknown) => {
        // Asked again by the next page rather than failing every page while the background lives.
        read = null;
        throw error;
      });
    return read;
  };
}

const page = packaged<PackedPage>(PACKAGED.page);
const cards = packaged<CardKnowledge>(PACKAGED.cards);

export default defineBackground(() => {
  browser.commands.onCommand.addListener(async (command) => {
    const direction = command === 'next-mark' ? 1 : command === 'previous-mark' ? -1 : 0;
    if (direction === 0) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(tab.id, { type: 'gloss:step', direction }).catch(() => {
      // No content script in this tab (a browser page, or one opened before Gloss was installed).
    });
  });
  browser.runtime.onMessage.addListener((message) => {
    if (isKnowledgeQuestion(message)) return page();
    if (isCardQuestion(message)) return cards().then((knowledge) => cardKnowledge(knowledge, message.entity));
    if (!isShortcutQuestion(message)) return undefined;
    return browser.commands.getAll().then((commands) => commands.find((command) => command.name === 'next-mark')?.shortcut ?? '');
  });
});
