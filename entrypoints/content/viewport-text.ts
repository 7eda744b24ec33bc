/**
 * What the reader sees first: the blocks of the scope that lie in the viewport (or just beyond it), found by going
 * down from the scope's roots through the children whose boxes cross it. Reads geometry, which costs little once
 * the browser has laid the page out, so it is asked after a frame; reads the DOM, never changes it.
 */
import type { ReadingScope } from './reading-text';
import { isSkipped } from './text-walker';

/** Beyond the viewport, this share of its height above and below counts too: the next lines the reader meets. */
const MARGIN = 0.25;
/** The most boxes read: a page of a million small elements still answers in a millisecond or two. */
const MAX_BOXES = 3_000;
/** After this many siblings in a row below the view, the rest of a long column is taken to be below it too. */
const BELOW_IN_A_ROW = 24;

/** The blocks of `scope` in view, in document order: each one that fits in the viewport, or holds no smaller element. */
export function blocksInView(scope: ReadingScope, view = { width: innerWidth, height: innerHeight }): Element[] {
  const top = -MARGIN * view.height;
  const bottom = (1 + MARGIN) * view.height;
  const found: Element[] = [];
  let boxes = 0;
  /** Where an element lies: 'below' the view, or elsewhere once looked into. */
  const consider = (element: Element): 'below' | 'seen' => {
    boxes++;
    const box = element.getBoundingClientRect();
    // No box of its own: `display: contents`, or not rendered; its children say which.
    if (box.width === 0 && box.height === 0) visit(element);
    else if (box.top > bottom) return 'below';
    else if (box.bottom < top || box.right < 0 || box.left > view.width) return 'seen';
    else if (box.height > view.height && element.firstElementChild) visit(element);
    else found.push(element);
    return 'seen';
  };
  const visit = (element: Element) => {
    let below = 0;
    for (let child = element.firstElementChild; child && boxes < MAX_BOXES && below < BELOW_IN_A_ROW; child = child.nextElementSibling) {
      if (isSkipped(child) || scope.excludes(child)) continue;
      below = consider(child) === 'below' ? below + 1 : 0;
    }
  };
  for (const root of scope.roots) if (root.nodeType === Node.ELEMENT_NODE) consider(root as Element);
  return found;
}
