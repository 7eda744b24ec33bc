import type { PassageTerms } from '@/core/text-fragment';

/** The start and end terms of the text directive in `url`, decoded; null when it has none. */
export function readTextDirective(url: string): PassageTerms | null {
  const match = /#:~:text=([^&]*)/.exec(url);
  if (!match) return null;
  const [start, end] = match[1]!.split(',').map(decodeURIComponent);
  return end === undefined ? { start: start! } : { start: start!, end };
}
