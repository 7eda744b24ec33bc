/** The shapes the evaluation's page side (in-page.ts) returns and its Node side computes with. */

/** One painted range. `node`/`endNode`: index of its text node in the document's tree order (-1: not found there). */
export interface Mark {
  kind: string;
  node: number;
  endNode: number;
  start: number;
  end: number;
  text: string;
}

export type Oracle =
  | { article: false; readerable: boolean; textNodes: number }
  | {
      article: true;
      /** Readability's `isProbablyReaderable` (for reference; "no article" means `parse()` found none). */
      readerable: boolean;
      textNodes: number;
      /** Text nodes (tree-order indices) of Readability's article content. */
      inside: number[];
      /**
       * Text nodes, not already inside, of the page's elements whose whole text is the title, byline or excerpt, or
       * tells the same as the title or excerpt (similar.ts): the headline and standfirst Readability reports apart.
       */
      apart: number[];
      title: string;
      byline: string;
      articleChars: number;
      /** Article text nodes found by their text (Readability had re-parsed the body), and not found at all. */
      foundByText: number;
      lost: number;
    };

/** Where a text node sits in the page. */
export interface Place {
  /** Nearest landmark ancestor: a tag (nav, header, footer, aside, …) or `role=<role>`; `(none)`. */
  landmark: string;
  /** Nearest ancestor with an id or class, as `tag#id.class1.class2`; `(none)`. */
  container: string;
  link: boolean;
  heading: boolean;
  listItem: boolean;
  /** Every class name (and `#id`) of its ancestors up to the body, lowercased. */
  tokens: string[];
}
