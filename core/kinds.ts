/**
 * The kinds of entity Gloss knows, in the order the popup lists them: the one table the schema, the settings, the
 * highlights, the card and the popup read their kinds, names and labels from.
 */
export const KINDS = [
  { id: 'person', label: 'Person', plural: 'People' },
  { id: 'group', label: 'Group', plural: 'Groups' },
  { id: 'country', label: 'Country', plural: 'Countries' },
  { id: 'place', label: 'Place', plural: 'Places' },
  { id: 'event', label: 'Event', plural: 'Events' },
] as const;

export type Kind = (typeof KINDS)[number]['id'];

export const KIND_IDS = KINDS.map((kind) => kind.id) as [Kind, ...Kind[]];

const byId = new Map<Kind, (typeof KINDS)[number]>(KINDS.map((kind) => [kind.id, kind]));

/** "Person", as a card names its entity's kind. */
export const kindLabel = (kind: Kind): string => byId.get(kind)!.label;

/** "People", as the popup heads a kind's switch and its found names. */
export const kindPlural = (kind: Kind): string => byId.get(kind)!.plural;

export const isKind = (value: unknown): value is Kind => byId.has(value as Kind);

/** The CSS highlight a kind's marks are painted in (`::highlight(gloss-person)`). */
export const highlightName = (kind: Kind): string => `gloss-${kind}`;
