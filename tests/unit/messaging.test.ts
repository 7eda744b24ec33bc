import { describe, expect, it } from 'vitest';
import { isCardQuestion, isKnowledgeQuestion, isShortcutQuestion, isToPage } from '@/utils/messaging';

describe('the messages a content script takes', () => {
  it.each([
    [{ type: 'gloss:step', direction: 1 }, true],
    [{ type: 'gloss:summary' }, true],
    [{ type: 'gloss:reveal', entity: 'iran' }, true],
    [{ type: 'gloss:diagnostics' }, true],
    [{ type: 'gloss:card', entity: 'iran' }, false],
    [{ type: 'gloss:shortcut' }, false],
    [{ type: 'gloss:knowledge' }, false],
    [{ type: 'toString' }, false],
    [{ type: 'constructor' }, false],
    [{}, false],
    [null, false],
    ['gloss:summary', false],
  ])('%j is a call to the page: %s', (message, expected) => {
    expect(isToPage(message)).toBe(expected);
  });

  it('tells the background’s own questions apart', () => {
    expect(isCardQuestion({ type: 'gloss:card', entity: 'iran' })).toBe(true);
    expect(isCardQuestion({ type: 'gloss:card' })).toBe(false);
    expect(isShortcutQuestion({ type: 'gloss:shortcut' })).toBe(true);
    expect(isShortcutQuestion({ type: 'gloss:summary' })).toBe(false);
    expect(isKnowledgeQuestion({ type: 'gloss:knowledge' })).toBe(true);
    expect(isKnowledgeQuestion({ type: 'gloss:card', entity: 'iran' })).toBe(false);
  });
});
