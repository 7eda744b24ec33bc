import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { problemsOf, withEntry } from '../support/knowledge-edits';
import { parseSourceArgs, SourceArgsError } from '@/knowledge/articles';
import { KnowledgeError, readKnowledgeFiles, validateKnowledge } from '@/knowledge/load';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/knowledge-two-sources');
const KNOWLEDGE = join(FIXTURE, 'knowledge');
const GAZETTE = 'harbour-gazette-2024-05-02';
const POST = 'coast-post-2025-02-10';
const GAZETTE_TEXT = join(FIXTURE, 'harbour-gazette.txt');
const POST_TEXT = join(FIXTURE, 'coast-post.txt');
const scratch = mkdtempSync(join(tmpdir(), 'gloss-two-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const knowledge = validateKnowledge(readKnowledgeFiles(KNOWLEDGE));
const entity = (id: string) => knowledge.entities.find((e) => e.id === id)!;

describe('knowledge of two sources', () => {
  it('holds both articles, with their publishers and dates', () => {
    expect(knowledge.sources.map(({ id, publisher, date }) => [id, publisher, date])).toEqual([
      [GAZETTE, 'Harbour Gazette', '2024-05-02'],
      [POST, 'Coast Post', '2025-02-10'],
    ]);
  });

  it('gives a person whose role changed the newer role, and the older one as history', () => {
    const marrow = entity('ilse-marrow');
    expect(marrow.role).toMatchObject({ text: 'Transport minister of Velmora', source: POST });
    expect(marrow.pastRoles).toEqual([expect.objectContaining({ text: 'Mayor of Port Calder', source: GAZETTE })]);
  });

  it('gathers claims from both sources on one entity', () => {
    expect(new Set(entity('port-calder').summary.map((claim) => claim.source))).toEqual(new Set([GAZETTE, POST]));
    expect(entity('ilse-marrow').quotes.map((quote) => quote.source)).toEqual([GAZETTE, POST]);
  });

  it('takes the claims of an entity with one source, which name none, as resting on it', () => {
    const reyk = entity('tomas-reyk');
    expect([reyk.role, ...reyk.summary, ...reyk.quotes].map((claim) => claim.source)).toEqual([GAZETTE, GAZETTE, GAZETTE, GAZETTE]);
  });
});

describe('a broken entry of knowledge with two sources', () => {
  it.each([
    [
      'a claim that names no source on an entity citing two',
      'ilse-marrow',
      (e: Record<string, any>) => delete e.summary[1].source,
      /^entities\/people\.json: "ilse-marrow", field summary\.1\.source: the entity cites 2 sources: name the one this claim rests on$/,
    ],
    [
      'a claim resting on a source the entity does not cite',
      'tomas-reyk',
      (e: Record<string, any>) => (e.quotes[0].source = POST),
      /^entities\/people\.json: "tomas-reyk", field quotes\.0\.source: not one of the entity's sources \(got "coast-post-2025-02-10"\)$/,
    ],
    [
      'a past role newer than the role',
      'ilse-marrow',
      (e: Record<string, any>) => ([e.role, e.pastRoles[0]] = [e.pastRoles[0], e.role]),
      /^entities\/people\.json: "ilse-marrow", field pastRoles\.0\.source: "coast-post-2025-02-10" \(2025-02-10\) is newer than the role before it/,
    ],
    [
      // The older article has a passage for paragraph 7; the newer one has no paragraph 7 cited.
      'a claim citing a paragraph its own source has no passage for',
      'velmora',
      (e: Record<string, any>) => (e.summary[1].paragraph = 7),
      /^entities\/countries\.json: "velmora", field summary\.1\.paragraph: source "coast-post-2025-02-10" has no passage for paragraph 7/,
    ],
    [
      'a claim naming a source that does not exist',
      'calder-ferry-union',
      (e: Record<string, any>) => (e.summary[1].source = 'coast-post-2025-02-11'),
      /^entities\/groups\.json: "calder-ferry-union", field summary\.1\.source: not one of the entity's sources \(got "coast-post-2025-02-11"\)$/,
    ],
  ])('with %s names the file, entry and field', (_what, id, change, expected) => {
    expect(problemsOf(withEntry(id, change, KNOWLEDGE))).toEqual([expect.stringMatching(expected)]);
  });
});

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run knowledge:check on two articles', () => {
  const both = ['--knowledge', KNOWLEDGE, '--source', `${GAZETTE}=${GAZETTE_TEXT}`, '--source', `${POST}=${POST_TEXT}`];

  it('finds every quote and passage in its own article', () => {
    const result = run('knowledge-check', both);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`2 sources, 5 entities`);
    expect(result.stdout).toContain(`all verbatim in ${GAZETTE} (${GAZETTE_TEXT}), ${POST} (${POST_TEXT})`);
  });

  it('names the quotes and passages that are not in the article given for their source', () => {
    const result = run('knowledge-check', ['--knowledge', KNOWLEDGE, '--source', `${GAZETTE}=${POST_TEXT}`, '--source', `${POST}=${GAZETTE_TEXT}`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `"ilse-marrow", field quotes.0.text: not found verbatim in paragraph 4 of "${GAZETTE}": "This terminal belongs to the people who waited for it"`,
    );
    expect(result.stderr).toContain(
      `"ilse-marrow", field quotes.1.text: not found verbatim in paragraph 4 of "${POST}": "Nobody should pay a day's wages to cross the strait"`,
    );
    expect(result.stderr).toMatch(new RegExp(`"${POST}", field passages\\.0: start "Ilse Marrow, the former" is not in the article`));
  });

  it('checks only the article it is given', () => {
    const result = run('knowledge-check', ['--knowledge', KNOWLEDGE, '--source', `${POST}=${POST_TEXT}`]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`all verbatim in ${POST} (${POST_TEXT})`);
    expect(result.stdout).not.toContain(GAZETTE);
  });

  it.each([
    ['an article without its source', ['--source', POST_TEXT], /--source .*coast-post\.txt: say which source the article is, as --source ID=FILE/],
    ['a source it does not have', ['--source', `dw-2025-08-06=${POST_TEXT}`], /no source "dw-2025-08-06" in sources\.json/],
    ['a source twice', ['--source', `${POST}=${POST_TEXT}`, '--source', `${POST}=${POST_TEXT}`], /source "coast-post-2025-02-10" is given twice/],
  ])('refuses %s', (_what, args, message) => {
    const result = run('knowledge-check', ['--knowledge', KNOWLEDGE, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('npm run passages on two articles', () => {
  it('writes each source the passages of the paragraphs cited from it, found in its own article', () => {
    const dir = join(scratch, 'knowledge');
    cpSync(KNOWLEDGE, dir, { recursive: true });
    const sourcesFile = join(dir, 'sources.json');
    const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as { passages?: unknown }[];
    for (const source of sources) delete source.passages;
    writeFileSync(sourcesFile, JSON.stringify(sources));
    expect(() => validateKnowledge(readKnowledgeFiles(dir))).toThrow(KnowledgeError);

    const result = run('passages', ['--knowledge', dir, '--source', `${GAZETTE}=${GAZETTE_TEXT}`, '--source', `${POST}=${POST_TEXT}`]);
    expect(result.status).toBe(0);
    const written = validateKnowledge(readKnowledgeFiles(dir)).sources;
    const passages = (id: string) => written.find((source) => source.id === id)!.passages;
    expect(passages(GAZETTE).map((p) => p.paragraph)).toEqual([3, 4, 5, 6, 7]);
    expect(passages(POST).map((p) => p.paragraph)).toEqual([3, 4, 5, 6]);
    // Paragraph 3 of each article opens differently: each passage is its own article's.
    expect(passages(GAZETTE)[0]).toEqual({ paragraph: 3, start: 'The new ferry terminal', end: 'first called for it' });
    expect(passages(POST)[0]).toEqual({ paragraph: 3, start: 'Ilse Marrow, the former', end: 'transport minister on Monday' });
    expect(run('knowledge-check', ['--knowledge', dir, '--source', `${GAZETTE}=${GAZETTE_TEXT}`, '--source', `${POST}=${POST_TEXT}`]).status).toBe(0);
  });

  it('refuses to run without an article', () => {
    const result = run('passages', ['--knowledge', KNOWLEDGE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run passages');
  });
});

describe('the articles named on the command line', () => {
  it.each([
    [
      'one article per source',
      [`a=x.txt`, `b-2=y/z.txt`],
      ['a', 'b-2'],
      [
        ['a', 'x.txt'],
        ['b-2', 'y/z.txt'],
      ],
    ],
    ['a bare file for knowledge of one source', ['x.txt'], ['a'], [['a', 'x.txt']]],
    ['a file whose name holds "="', ['a=x=y.txt'], ['a'], [['a', 'x=y.txt']]],
    ['no article', [], ['a', 'b'], []],
  ])('reads %s', (_what, values, ids, expected) => {
    expect([...parseSourceArgs(values, ids)]).toEqual(expected);
  });

  it.each([
    ['a bare file for knowledge of two sources', ['x.txt'], ['a', 'b']],
    ['a bare file beside another article', ['a=x.txt', 'y.txt'], ['a']],
    ['an id that is no source', ['c=x.txt'], ['a', 'b']],
  ])('refuses %s', (_what, values, ids) => {
    expect(() => parseSourceArgs(values, ids)).toThrow(SourceArgsError);
  });
});
