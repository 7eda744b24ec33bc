/**
 * Links that open a source article at one paragraph, with a URL text fragment
 * (`#:~:text=start,end`, WICG Text Fragments): browsers scroll to the first
 * match of the terms and highlight it.
 */

/** Percent-encodes a term; the spec reserves "-", "," and "&" inside the directive, and encodeURIComponent leaves "-". */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

export interface PassageTerms {
  start: string;
  end?: string;
}

/** `url` with any fragment replaced by a text directive for `passage`. */
export function passageUrl(url: string, passage: PassageTerms): string {
  const base = url.split('#')[0];
  const terms = passage.end === undefined ? encodeTerm(passage.start) : `${encodeTerm(passage.start)},${encodeTerm(passage.end)}`;
  return `${base}#:~:text=${terms}`;
}
