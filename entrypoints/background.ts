/**
 * The background script: it forwards the keyboard commands, which the browser
 * delivers here, to the active tab's content script; tells content scripts
 * which key the reader set, to announce it; and answers a card's content when
 * a card first opens, so that pages carry only what finding names needs.
 */
import knowledge from 'virtual:gloss-knowledge/cards';
import { browser, defineBackground } from '#imports';
import { cardKnowledge } from '@/knowledge/bundle';
import { isCardQuestion, isShortcutQuestion, sendToTab } from '@/utils/messaging';

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
    if (isCardQuestion(message)) return Promise.resolve(cardKnowledge(knowledge, message.entity));
    if (!isShortcutQuestion(message)) return undefined;
    return browser.commands.getAll().then((commands) => commands.find((command) => command.name === 'next-mark')?.shortcut ?? '');
  });
});
