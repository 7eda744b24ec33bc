/**
 * Whether an element's text tells the same thing as Readability's title or excerpt. A page's headline is often not
 * word for word its `<title>` or `og:title` (a site name, a shorter or longer wording), nor its standfirst the meta
 * description; Readability itself treats a heading as the title when their words mostly agree.
 */

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Readability's `_textSimilarity`: the share of `b`'s text (its words joined) made of words that are also in `a`. */
export function textSimilarity(a: string, b: string): number {
  const inA = new Set(words(a));
  const ofB = words(b);
  if (inA.size === 0 || ofB.length === 0) return 0;
  const foreign = ofB.filter((word) => !inA.has(word));
  return 1 - foreign.join(' ').length / ofB.join(' ').length;
}

/** Each text is mostly made of the other's words (above 0.75 both ways), and both have at least `minWords` words. */
export function tellsTheSame(a: string, b: string, minWords = 3): boolean {
  if (words(a).length < minWords || words(b).length < minWords) return false;
  return textSimilarity(a, b) > 0.75 && textSimilarity(b, a) > 0.75;
}
