/**
 * The visible text of an HTML document in document order, for `annotate`:
 * the elements the content script skips (`core/page-elements.ts`), hidden
 * ones and editing hosts are left out, and block boundaries become line breaks, as the content
 * script sees them.
 */
import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from '../core/page-elements';

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)/i;

function isHidden(name: string, attributes: Record<string, string>): boolean {
  return (
    SKIPPED_ELEMENTS.has(name) ||
    'hidden' in attributes ||
    attributes['aria-hidden'] === 'true' ||
    HIDDEN_STYLE.test(attributes.style ?? '') ||
    (name === 'input' && attributes.type === 'hidden') ||
    // An editing host, as the content script's walk reads it: text the reader writes is not the page's.
    ('contenteditable' in attributes && attributes.contenteditable!.toLowerCase() !== 'false')
  );
}

export function htmlToText(html: string): string {
  // Pieces joined at the end: asking a growing string for its last character would flatten it every time.
  const parts: string[] = [];
  let atLineStart = true;
  /** Depth inside skipped elements; text counts only at 0. */
  let skipDepth = 0;
  const stack: boolean[] = [];
  const lineBreak = () => {
    if (!atLineStart) parts.push('\n');
    atLineStart = true;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const skip = skipDepth > 0 || isHidden(name, attributes);
        stack.push(skip);
        if (skip) skipDepth++;
        else if (BLOCK_ELEMENTS.has(name)) lineBreak();
      },
      ontext(data) {
        if (skipDepth > 0 || data.length === 0) return;
        parts.push(data.replace(/[\t\n\r ]+/g, ' '));
        atLineStart = false;
      },
      onclosetag(name) {
        if (stack.pop()) skipDepth--;
        else if (BLOCK_ELEMENTS.has(name)) lineBreak();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
