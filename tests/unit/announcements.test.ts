import { describe, expect, it } from 'vitest';
import { hiddenMessage, marksFoundMessage } from '@/core/announcements';

describe('what screen readers are told', () => {
  it.each([
    [9, 24, 'Alt+G', 'Gloss found 9 names on this page, marked 24 times. Press Alt+G to step through them.'],
    [1, 1, 'Ctrl+Shift+K', 'Gloss found 1 name on this page, marked 1 time. Press Ctrl+Shift+K to step through them.'],
    [
      2,
      3,
      '',
      "Gloss found 2 names on this page, marked 3 times. Set a shortcut for “Go to the next marked name and open its card” in the browser's extension shortcuts to step through them.",
    ],
  ])('%i names in %i marks, key %j', (names, marks, key, message) => {
    expect(marksFoundMessage(names, marks, key)).toBe(message);
  });

  it.each([
    ['Sharif', 'Shehbaz Sharif', 2, 'Hid 2 marks of “Sharif” as Shehbaz Sharif on this site. To undo, open Gloss from the toolbar.'],
    ['Dar', 'Ishaq Dar', 1, 'Hid 1 mark of “Dar” as Ishaq Dar on this site. To undo, open Gloss from the toolbar.'],
  ])('after hiding %j as %s', (text, name, marks, message) => {
    expect(hiddenMessage(text, name, marks)).toBe(message);
  });
});
