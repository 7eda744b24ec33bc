/** Comparisons the evaluation reports: two serialisations of a page's DOM, and two lists of marks. */
import { markKey } from './figures';
import type { Mark } from './types';

export interface DomDifference {
  /** Offset of the first differing character, and the text around it on each side. */
  at: number;
  expected: string;
  actual: string;
  lengths: [number, number];
}

const CONTEXT = 60;

export function firstDifference(expected: string, actual: string): DomDifference | null {
  if (expected === actual) return null;
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - CONTEXT), at + CONTEXT);
  return { at, expected: around(expected), actual: around(actual), lengths: [expected.length, actual.length] };
}

/** The marks of `a` not in `b` and of `b` not in `a`, by place (text node and offsets) and kind. */
export function markDifference(a: readonly Mark[], b: readonly Mark[]): { onlyA: Mark[]; onlyB: Mark[] } {
  const key = (mark: Mark) => `${markKey(mark)}:${mark.kind}`;
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  return { onlyA: a.filter((mark) => !inB.has(key(mark))), onlyB: b.filter((mark) => !inA.has(key(mark))) };
}
