/**
 * What Gloss tells screen readers through its polite live region: the CSS
 * highlights it paints are invisible to assistive technology, so the marks are
 * announced once per page, and a correction says what it hid and how to undo it.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** After the page's first marks: how many, and the key that steps through them (empty when the reader set none). */
export function marksFoundMessage(names: number, marks: number, shortcut: string): string {
  const found = `Gloss found ${plural(names, 'name', 'names')} on this page, marked ${plural(marks, 'time', 'times')}.`;
  return shortcut
    ? `${found} Press ${shortcut} to step through them.`
    : `${found} Set a shortcut for “Go to the next marked name and open its card” in the browser's extension shortcuts to step through them.`;
}

/** After "Not …": what was hidden, and where to undo it. */
export function hiddenMessage(text: string, name: string, marks: number): string {
  return `Hid ${plural(marks, 'mark', 'marks')} of “${text}” as ${name} on this site. To undo, open Gloss from the toolbar.`;
}
