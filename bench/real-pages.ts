/**
 * The saved real pages (../shared/realpages, evaluation data outside the project): which of them a run measures.
 * The folder may be absent (a fresh clone); then there are none, and the caller says so.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const REAL_PAGES_DIR = resolve(new URL('../../shared/realpages', import.meta.url).pathname);

/** `count` pages spread evenly over the folder's sorted list (all of them if `count` is at least that many). */
export function samplePages(count: number, dir = REAL_PAGES_DIR): string[] {
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort();
  if (count >= all.length) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
}
