/**
 * The background script exists only for the keyboard commands, which the
 * browser delivers here: it forwards them to the active tab's content script,
 * and tells content scripts which key the reader set, to announce it.
 */
import { browser, defineBackground } from '#imports';
import { isShortcutQuestion, sendToTab } from '@/utils/messaging';

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
    if (!isShortcutQuestion(message)) return undefined;
    return browser.commands.getAll().then((commands) => commands.find((command) => command.name === 'next-mark')?.shortcut ?? '');
  });
});
