/**
 * npm run -s annotate -- [--json] [--why] FILE...
 * Prints the mentions the extension's matcher finds in .txt and .html files:
 * a table per file, or with --json one line per file:
 * {"file":…,"mentions":[{"entity":…,"start":…,"end":…,"text":…}]}
 * With --why, every candidate span instead, with the rule that accepted or
 * refused it (in JSON, "decisions" beside "mentions"), then what those rules mean.
 * Offsets are UTF-16 offsets into the file's text (for HTML, its visible text).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createContext, createMatcher, type Decision } from '../core/match';
import type { RuleId } from '../core/match-rules';
import type { CompiledWords, Mention } from '../core/types';
import { buildBundle } from '../knowledge/bundle';
import { loadKnowledge } from '../knowledge/load';
import { htmlToText } from './html-text';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, why: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: npm run -s annotate -- [--json] [--why] FILE...   (.txt or .html)');
  process.exit(2);
}

const matcher = createMatcher(buildBundle(loadKnowledge()).index);

/** What each matching rule means to a reader; typed by the table's ids, so a new rule cannot go unexplained. */
const RULE_WHY: Record<RuleId | 'form' | 'other-name', string> = {
  'compound-only': 'refuses a prefix that names the entity only joined to another name ("Pak-Iran", not "Pak")',
  namesake: 'refuses a shared name where the page shows it as its namesake (Washington the state: "Washington State", a list of states)',
  'language-region': 'refuses a country that is the region of a language label or locale tag ("English (US)", "en-US")',
  'word-in-capitals': 'refuses an acronym that is a word after another word in capitals ("CONTACT US")',
  'web-address': 'refuses a name followed by a top-level domain ("USA.gov")',
  'generation-suffix': 'refuses a full name followed by a generation suffix, which names a relative ("Donald Trump Jr.")',
  'shouting-run': 'refuses a short form or acronym inside a headline in capitals, where every word is capitalised',
  'possessive-before': 'refuses a generic short form after another name’s possessive ("Britain’s Foreign Office")',
  currency: 'refuses an acronym beside an amount, where it names a currency ("US$10 billion")',
  'given-name-before-full': 'refuses a full name right after another given name, which makes it someone else’s ("Hamza Shehbaz Sharif")',
  'name-particle-after': 'refuses a name continued by a lower-case particle into a longer one ("Dar es Salaam")',
  'another-given-name': 'refuses a short form after a capitalised word that is another person’s given name ("Nawaz Sharif")',
  'two-given-names': 'refuses a near-miss of the given name that itself follows another given name',
  'given-name-variant': 'widens a surname to the near-miss of the person’s given name before it ("Masood Pezeshkian")',
  'name-after': 'refuses a short form followed by a capitalised word that continues another name ("Shehbaz Gill")',
  'variant-needs-no-licence': 'accepts a near-miss of the full name, which names the person by itself',
  'owned-elsewhere': 'refuses a shared short form that a neighbour showed naming someone else, until the entity is named again',
  licence: 'accepts a short form after an earlier mention on the page licensed it, and refuses it before one',
  form: 'accepts what no rule refused: the form names the entity by itself',
  'other-name': 'refuses the words of a longer name Gloss does not know, which contains a known form ("Iran Air", "Trump Tower")',
};

const GAPS: Record<CompiledWords['gaps'][number], string> = { space: ' ', dot: '. ', comma: ', ', apostrophe: "'", amp: ' & ' };

/** An alias as its folded words say it ("shehbaz sharif"), exact-case words as written ("US"). */
const aliasText = ({ keys, words, gaps }: CompiledWords) => keys.map((key, k) => (k > 0 ? GAPS[gaps[k - 1]!] : '') + (words[k] || key)).join('');

interface Why {
  start: number;
  end: number;
  text: string;
  entity: string;
  alias: string;
  rule: Decision['rule'];
  mark: string | null;
}

function why(text: string, { start, end, alias, rule, mention }: Decision): Why {
  const entity = 'entity' in alias ? alias.entity : '';
  const form = 'form' in alias ? ` (${alias.form})` : '';
  return { start, end, text: text.slice(start, end), entity, alias: aliasText(alias) + form, rule, mark: mention?.text ?? null };
}

function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

function whyTable(file: string, decisions: Why[]): string {
  const rows = decisions.map((d) => [
    String(d.start),
    JSON.stringify(d.text),
    d.mark === null ? 'refused' : d.mark === d.text ? 'marked' : `marked ${JSON.stringify(d.mark)}`,
    d.rule,
    d.entity || '-',
    d.alias,
  ]);
  const rules = [...new Set(decisions.map((d) => d.rule))].map((rule) => `  ${rule}: ${RULE_WHY[rule]}`);
  return [
    `${file}: ${decisions.length} candidates`,
    ...columns([['at', 'span', 'verdict', 'rule', 'entity', 'alias'], ...rows]),
    'rules:',
    ...rules,
  ].join('\n');
}

function table(file: string, mentions: Mention[]): string {
  const rows = new Map<string, { entity: string; text: string; count: number; first: number }>();
  for (const m of mentions) {
    const key = `${m.entity}\u0000${m.text}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { entity: m.entity, text: m.text, count: 1, first: m.start });
  }
  const lines = [...rows.values()].map((r) => [r.entity, JSON.stringify(r.text), String(r.count), String(r.first)]);
  return [`${file}: ${mentions.length} mentions`, ...columns([['entity', 'text', 'count', 'first at'], ...lines])].join('\n');
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
  const decisions: Why[] = [];
  const mentions = matcher.match(text, createContext(), values.why ? (decision) => decisions.push(why(text, decision)) : undefined);
  if (values.json) {
    const out = mentions.map(({ entity, start, end, text: surface }) => ({ entity, start, end, text: surface }));
    console.log(JSON.stringify(values.why ? { file, mentions: out, decisions } : { file, mentions: out }));
  } else {
    console.log(`${values.why ? whyTable(file, decisions) : table(file, mentions)}\n`);
  }
}
process.exit(failed ? 1 : 0);
