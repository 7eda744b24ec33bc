import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, readKnowledgeFiles, validateKnowledge } from '@/knowledge/load';
import { verifyQuotes } from '@/knowledge/verify-quotes';
import { cite } from '@/knowledge/citations';
import { problemsOf, withEntry } from '../support/knowledge-edits';
import { readTextDirective } from '../support/text-directive';

/** The ids `entities.md` requires, by kind. */
const REQUIRED = {
  person: [
    'masoud-pezeshkian',
    'shehbaz-sharif',
    'fatemeh-aman',
    'osama-malik',
    'muhammad-shoaib',
    'donald-trump',
    'marco-rubio',
    'ishaq-dar',
    'shafqat-ali-khan',
  ],
  group: ['jaish-al-adl', 'balochistan-liberation-army', 'middle-east-institute', 'quaid-i-azam-university', 'dw', 'pakistan-foreign-office'],
  country: ['iran', 'pakistan', 'united-states', 'israel', 'india', 'afghanistan'],
  place: ['balochistan', 'sistan-and-baluchestan', 'chabahar', 'islamabad', 'tehran', 'washington'],
  event: ['iran-pakistan-gas-pipeline', 'twelve-day-war'],
};

const SEED = new URL('../../../shared/seed/000_c81e677064a33cfb.txt', import.meta.url).pathname;

const knowledge = loadKnowledge();

describe('the bundled knowledge', () => {
  it.each(Object.entries(REQUIRED).flatMap(([kind, ids]) => ids.map((id) => [id, kind])))('has %s as a %s', (id, kind) => {
    expect(knowledge.entities.find((e) => e.id === id)?.kind).toBe(kind);
  });

  it('records the source article once, with its date and address', () => {
    expect(knowledge.sources).toEqual([
      expect.objectContaining({
        publisher: 'DW',
        title: 'How concerned is Iran about the US-Pakistan partnership?',
        date: '2025-08-06',
        url: 'https://www.dw.com/en/how-concerned-is-iran-about-the-us-pakistan-partnership/a-73548389',
      }),
    ]);
  });

  it('has at least five topics, each held by some entity', () => {
    expect(knowledge.topics.length).toBeGreaterThanOrEqual(5);
    for (const topic of knowledge.topics) {
      expect(
        knowledge.entities.some((e) => e.topics.includes(topic.id)),
        topic.id,
      ).toBe(true);
    }
  });

  it('quotes the people who spoke in the article', () => {
    const speakers = new Set(knowledge.entities.flatMap((e) => e.quotes.map((q) => q.speaker)));
    for (const id of ['fatemeh-aman', 'osama-malik', 'muhammad-shoaib', 'shafqat-ali-khan']) expect(speakers).toContain(id);
  });
});

describe.runIf(existsSync(SEED))('quotes against the source article (needs ../shared/seed)', () => {
  const seedArticle = () => new Map([['dw-2025-08-06', readFileSync(SEED, 'utf8')]]);

  it('finds every quote verbatim in the paragraph it cites', () => {
    expect(verifyQuotes(knowledge, seedArticle())).toEqual([]);
  });

  it('reports a quote that is not in its paragraph', () => {
    const altered = structuredClone(knowledge);
    const speaker = altered.entities.find((e) => e.quotes.length > 0)!;
    speaker.quotes[0]!.text = 'Words nobody said in this article';
    expect(verifyQuotes(altered, seedArticle())).toEqual([
      expect.stringMatching(new RegExp(`^"${speaker.id}", field quotes\\.0\\.text: not found verbatim in paragraph \\d+ of "dw-2025-08-06"`)),
    ]);
  });
});

describe('a broken knowledge entry', () => {
  it.each([
    ['a missing field', 'ishaq-dar', (e: Record<string, any>) => delete e.role, /^entities\/people\.json: "ishaq-dar", field role: /],
    ['a wrong kind', 'iran', (e: Record<string, any>) => (e.kind = 'nation'), /^entities\/countries\.json: "iran", field kind: .*"nation"/],
    ['no sources', 'tehran', (e: Record<string, any>) => (e.sources = []), /^entities\/places\.json: "tehran", field sources: /],
    [
      'a one-sentence summary',
      'tehran',
      (e: Record<string, any>) => (e.summary = e.summary.slice(0, 1)),
      /^entities\/places\.json: "tehran", field summary: /,
    ],
    ['an unknown field', 'dw', (e: Record<string, any>) => (e.homepage = 'x'), /^entities\/groups\.json: "dw", field \(entry\): .*homepage/],
    [
      'a dangling related id',
      'chabahar',
      (e: Record<string, any>) => e.related.push({ id: 'kabul', reason: 'x' }),
      /^entities\/places\.json: "chabahar", field related\.\d+\.id: no entity "kabul"/,
    ],
    [
      'an unknown topic',
      'india',
      (e: Record<string, any>) => e.topics.push('sports'),
      /^entities\/countries\.json: "india", field topics\.\d+: no topic "sports"/,
    ],
    [
      'an unknown quote speaker',
      'fatemeh-aman',
      (e: Record<string, any>) => (e.quotes[0].speaker = 'nobody'),
      /^entities\/people\.json: "fatemeh-aman", field quotes\.0\.speaker: no entity "nobody"/,
    ],
    [
      'a claim citing a paragraph with no passage',
      'tehran',
      (e: Record<string, any>) => (e.summary[1].paragraph = 35),
      /^entities\/places\.json: "tehran", field summary\.1\.paragraph: source "dw-2025-08-06" has no passage for paragraph 35/,
    ],
    [
      'a source link that would run script',
      'dw-2025-08-06',
      (e: Record<string, any>) => (e.url = 'javascript:alert(1)'),
      /^sources\.json: "dw-2025-08-06", field url: /,
    ],
    [
      'an alias no page writes',
      'israel',
      (e: Record<string, any>) => e.aliases.push('Israel (state)'),
      /^entities\/countries\.json: "israel", field aliases\.\d+\.text: /,
    ],
  ])('with %s names the file, entry and field', (_what, id, change, expected) => {
    expect(problemsOf(withEntry(id, change))).toEqual([expect.stringMatching(expected)]);
  });

  it('with a surface form claimed by two entities names both', () => {
    const problems = problemsOf(withEntry('tehran', (e) => e.aliases.push('Islamabad')));
    expect(problems).toEqual([
      expect.stringMatching(/"islamabad" field aliases\.0 and .*"tehran" field aliases\.\d+: both claim the surface form "Islamabad"/),
    ]);
  });

  it.each([
    ['no surface form', { text: 'Lahore Qalandars', is: 'a cricket team' }, /^other-names\.json: "Lahore Qalandars" contains no surface form/],
    ['a surface form only in another case', { text: 'Us Weekly', is: 'a magazine' }, /^other-names\.json: "Us Weekly" contains no surface form/],
    ['a surface form and nothing more', { text: 'Tehran', is: 'the capital' }, /^other-names\.json: "Tehran" is itself a surface form of "tehran"/],
    ['a name no page writes', { text: 'Iran (state)', is: 'a typo' }, /^other-names\.json: "Iran \(state\)", field text: /],
    ['no word saying what it is', { text: 'Iran Khodro' }, /^other-names\.json: "Iran Khodro", field is: /],
  ])('with an other name that holds %s names it', (_what, entry, expected) => {
    const files = readKnowledgeFiles().map((file) =>
      file.file === 'other-names.json' ? { ...file, data: [...(file.data as unknown[]), entry] } : file,
    );
    expect(problemsOf(files)).toEqual([expect.stringMatching(expected)]);
  });

  it('with a namesake set that does not exist names the alias', () => {
    const problems = problemsOf(withEntry('israel', (e) => (e.aliases = [{ text: 'Israel', namesakes: 'eu-states' }])));
    expect(problems).toEqual([
      expect.stringMatching(/^entities\/countries\.json: "israel", field aliases\.0\.namesakes: no set "eu-states" in namesakes\.json/),
    ]);
  });

  it('with a duplicate id names it', () => {
    const problems = problemsOf(withEntry('india', (e) => (e.id = 'israel')));
    expect(problems).toContainEqual(expect.stringMatching(/^entities\/countries\.json: "israel", field id: used by 2 entries/));
  });

  it('with a file that is not JSON names the file', () => {
    expect(() => validateKnowledge([{ file: 'topics.json', data: {} }])).toThrow(/topics\.json: expected an array/);
  });
});

describe.runIf(existsSync(SEED))('source links against the source article (needs ../shared/seed)', () => {
  // Read in the tests, not here: a skipped block's body still runs when the tests are collected.
  const readLines = () => readFileSync(SEED, 'utf8').split(/\r?\n/);
  const claims = knowledge.entities.flatMap((entity) =>
    [entity.role, ...entity.summary, ...entity.quotes].map((claim) => ({
      entity,
      text: claim.text,
      paragraph: claim.paragraph,
      source: claim.source,
    })),
  );

  it.each(claims.map((claim) => [claim.entity.id, claim.paragraph, claim.text.slice(0, 40), claim] as const))(
    '%s, paragraph %i ("%s…"): the link opens the article at that paragraph',
    (_id, paragraph, _text, claim) => {
      const lines = readLines();
      const article = lines.join('\n').toLowerCase();
      const paragraphStart = (n: number) => lines.slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0);
      const { url } = cite(knowledge.sources.find((source) => source.id === claim.source)!, paragraph);
      expect(url.startsWith(`${knowledge.sources[0]!.url}#:~:text=`)).toBe(true);
      const terms = readTextDirective(url)!;
      const text = lines[paragraph - 1]!.toLowerCase();
      const [start, end] = [terms.start.toLowerCase(), terms.end?.toLowerCase()];
      expect(text).toContain(start);
      if (end !== undefined) expect(text).toContain(end);
      // Browsers take the first match in the page: it must be this paragraph's.
      const from = paragraphStart(paragraph);
      const at = article.indexOf(start);
      expect(at).toBeGreaterThanOrEqual(from);
      expect(at).toBeLessThan(from + text.length);
      if (end !== undefined) {
        const endAt = article.indexOf(end, at + start.length);
        expect(endAt + end.length).toBeLessThanOrEqual(from + text.length);
      }
    },
  );
});
