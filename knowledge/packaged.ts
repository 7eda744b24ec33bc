/** Where in the package the build puts the background's knowledge (`packagedKnowledge`), and where it reads it. */
export const PACKAGED = {
  /** `PackedPage`: what every page asks for as it starts. */
  page: '/knowledge/page.json',
  /** `CardKnowledge`: read when a card first opens. */
  cards: '/knowledge/cards.json',
} as const;
