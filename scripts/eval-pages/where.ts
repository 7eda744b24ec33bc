/**
 * `--where`: what kind of place the marks outside the article text land in, over all pages, beside the marks inside
 * it for contrast — the nearest landmark (nav, header, footer, aside, role=…), the nearest named container, the words
 * of the class names and ids around them, and whether they sit in a link, a heading or a list item — for designing
 * rules for the reading text.
 */
import type { Place } from './types';

/** [name, marks outside, marks inside]. */
export type Contrast = [string, number, number];

export interface WhereSummary {
  outside: number;
  inside: number;
  link: [number, number];
  heading: [number, number];
  listItem: [number, number];
  landmarks: Contrast[];
  /** Landmark with link / heading / list item, e.g. "nav, link, list item". */
  shapes: Contrast[];
  /** Nearest named containers of outside marks (examples, site by site): [label, marks]. */
  containers: [string, number][];
  /**
   * Words of the ancestors' class names and ids, each counted once per mark, by how much commoner they are around
   * outside marks than around inside ones (share of outside marks minus share of inside marks).
   */
  words: Contrast[];
}

/** "PromoXSmall-description", "#mainNav", "Fw(600)" → promo, small, description / main, nav / fw: words of 3+ letters. */
export function classWords(token: string): string[] {
  return (token.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []).map((word) => word.toLowerCase()).filter((word) => word.length >= 3);
}

function counts(names: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of names) out.set(name, (out.get(name) ?? 0) + 1);
  return out;
}

const byCount = <T extends [string, number, ...number[]]>(a: T, b: T) => b[1] - a[1] || a[0].localeCompare(b[0]);
const markWords = (place: Place) => new Set(place.tokens.flatMap(classWords));
const shape = (place: Place) =>
  [place.landmark, place.link && 'link', place.heading && 'heading', place.listItem && 'list item'].filter(Boolean).join(', ');

function contrastBy(outside: readonly Place[], inside: readonly Place[], key: (place: Place) => string, top: number): Contrast[] {
  const within = counts(inside.map(key));
  return [...counts(outside.map(key))]
    .map(([name, n]): Contrast => [name, n, within.get(name) ?? 0])
    .sort(byCount)
    .slice(0, top);
}

export function summarizePlaces(outside: readonly Place[], inside: readonly Place[], top = 30): WhereSummary {
  const flag = (pick: (place: Place) => boolean): [number, number] => [outside.filter(pick).length, inside.filter(pick).length];
  const wordsOut = counts(outside.flatMap((place) => [...markWords(place)]));
  const wordsIn = counts(inside.flatMap((place) => [...markWords(place)]));
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    outside: outside.length,
    inside: inside.length,
    link: flag((place) => place.link),
    heading: flag((place) => place.heading),
    listItem: flag((place) => place.listItem),
    landmarks: contrastBy(outside, inside, (place) => place.landmark, top),
    shapes: contrastBy(outside, inside, shape, top),
    containers: [...counts(outside.map((place) => place.container))].sort(byCount).slice(0, top),
    words: [...wordsOut]
      .map(([word, n]): Contrast => [word, n, wordsIn.get(word) ?? 0])
      .map((row) => ({ row, lead: share(row[1], outside.length) - share(row[2], inside.length) }))
      .filter(({ lead }) => lead > 0)
      .sort((a, b) => b.lead - a.lead || a.row[0].localeCompare(b.row[0]))
      .slice(0, top)
      .map(({ row }) => row),
  };
}

export function formatWhere(title: string, summary: WhereSummary): string {
  const pct = (n: number, of: number) => `${of ? Math.round((100 * n) / of) : 0}%`;
  const flag = (name: string, [out, in_]: [number, number]) => `${name} ${pct(out, summary.outside)} (inside: ${pct(in_, summary.inside)})`;
  const contrast = (rows: Contrast[]) =>
    rows.map(([name, out, in_]) => `    ${String(out).padStart(5)} ${String(in_).padStart(6)}  ${name}`).join('\n');
  return [
    `${title}: ${summary.outside} marks outside the article text (and ${summary.inside} inside, for contrast)`,
    `  ${flag('in a link', summary.link)}, ${flag('in a heading', summary.heading)}, ${flag('in a list item', summary.listItem)}`,
    '  nearest landmark:        outside inside',
    contrast(summary.landmarks),
    '  landmark and what the mark is in: outside inside',
    contrast(summary.shapes),
    '  words of the class names and ids around them, most commoner outside than inside first: outside inside',
    contrast(summary.words),
    '  nearest container with an id or class, outside:',
    summary.containers.map(([name, n]) => `    ${String(n).padStart(5)}  ${name}`).join('\n'),
  ].join('\n');
}
