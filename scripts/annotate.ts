/**
 * npm run -s annotate -- [--json] FILE...
 * Prints the mentions the extension's matcher finds in .txt and .html files:
 * a table per file, or with --json one line per file:
 * {"file":…,"mentions":[{"entity":…,"start":…,"end":…,"text":…}]}
 * Offsets are UTF-16 offsets into the file's text (for HTML, its visible text).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createContext, createMatcher } from '../core/match';
import type { Mention } from '../core/types';
import { buildBundle } from '../knowledge/bundle';
import { loadKnowledge } from '../knowledge/load';
import { htmlToText } from './html-text';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error('usage: npm run -s annotate -- [--json] FILE...   (.txt or .html)');
  process.exit(2);
}

const matcher = createMatcher(buildBundle(loadKnowledge()).index);

function table(file: string, mentions: Mention[]): string {
  const rows = new Map<string, { entity: string; text: string; count: number; first: number }>();
  for (const m of mentions) {
    const key = `${m.entity}\u0000${m.text}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { entity: m.entity, text: m.text, count: 1, first: m.start });
  }
  const lines = [...rows.values()].map((r) => [r.entity, JSON.stringify(r.text), String(r.count), String(r.first)]);
  const header = ['entity', 'text', 'count', 'first at'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [`${file}: ${mentions.length} mentions`, format(header), ...lines.map(format)].join('\n');
}

let failed = false;
for (const file of positionals) {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`annotate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    failed = true;
    continue;
  }
  const text = /\.html?$/i.test(file) ? htmlToText(content) : content;
  const mentions = matcher.match(text, createContext());
  if (values.json) {
    const out = mentions.map(({ entity, start, end, text: surface }) => ({ entity, start, end, text: surface }));
    console.log(JSON.stringify({ file, mentions: out }));
  } else {
    console.log(`${table(file, mentions)}\n`);
  }
}
process.exit(failed ? 1 : 0);
