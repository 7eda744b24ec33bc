import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/scripts/html-text';

const ROOT = new URL('../../', import.meta.url).pathname;

function annotate(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/annotate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gloss-annotate-'));
const txt = join(dir, 'story.txt');
writeFileSync(txt, '🇵🇰 Shehbaz Sharif met Rubio.\nSharif said the US would help.\n');
const html = join(dir, 'story.html');
writeFileSync(
  html,
  `<html><head><title>Iran</title><style>.x{}</style></head><body>
   <h1>Talks in <b>Islamabad</b></h1><p>The <span hidden>Israel</span>envoy met Ishaq&nbsp;Dar.</p>
   <script>var a = "Pakistan";</script><p style="display: none">India</p><p aria-hidden="true">Iran</p>
   <p>Dar <em>said</em> the BLA</p></body></html>`,
);

describe('annotate --json', () => {
  it('prints one object per file with UTF-16 offsets into the file as read', () => {
    const run = annotate('--json', txt);
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        file: txt,
        mentions: [
          { entity: 'shehbaz-sharif', start: 5, end: 19, text: 'Shehbaz Sharif' },
          { entity: 'marco-rubio', start: 24, end: 29, text: 'Rubio' },
          { entity: 'shehbaz-sharif', start: 31, end: 37, text: 'Sharif' },
          { entity: 'united-states', start: 47, end: 49, text: 'US' },
        ],
      },
    ]);
  });

  it('reads the visible text of HTML, block by block', () => {
    const run = annotate('--json', html);
    const [line] = run.stdout.trim().split('\n');
    expect(JSON.parse(line!).mentions.map((m: { text: string }) => m.text)).toEqual(['Islamabad', 'Ishaq\u00A0Dar', 'Dar', 'BLA']);
  });

  it('reports an unreadable file on stderr and a failure, after the other files', () => {
    const run = annotate('--json', join(dir, 'missing.txt'), txt);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/cannot read .*missing\.txt/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('annotate without --json', () => {
  it('prints a table per file: entity, text, count, first position', () => {
    const run = annotate(txt);
    expect(run.stdout).toContain(`${txt}: 4 mentions`);
    expect(run.stdout).toMatch(/shehbaz-sharif\s+"Shehbaz Sharif"\s+1\s+5\n/);
    expect(run.stdout).toMatch(/shehbaz-sharif\s+"Sharif"\s+1\s+31\n/);
  });
});

const whyText = join(dir, 'why.txt');
writeFileSync(whyText, 'Nawaz Sharif spoke. PM Shehbaz flew Iran Air to Tehran.\nCONTACT US\n');

describe('annotate --why', () => {
  it('names, for every candidate span, the rule that accepted or refused it, with its entity and alias', () => {
    const run = annotate('--why', whyText);
    expect(run.status).toBe(0);
    const rows = run.stdout
      .split('\n')
      .slice(2, 7)
      .map((line) => line.split(/\s{2,}/));
    expect(rows).toEqual([
      ['6', '"Sharif"', 'refused', 'another-given-name', 'shehbaz-sharif', 'sharif (short)'],
      ['20', '"PM Shehbaz"', 'marked "Shehbaz"', 'form', 'shehbaz-sharif', 'PM shehbaz (title)'],
      ['36', '"Iran Air"', 'refused', 'other-name', '-', 'iran air'],
      ['48', '"Tehran"', 'marked', 'form', 'tehran', 'tehran (name)'],
      ['64', '"US"', 'refused', 'word-in-capitals', 'united-states', 'US (acronym)'],
    ]);
    expect(run.stdout).toContain(`${whyText}: 5 candidates`);
    expect(run.stdout).toMatch(/\n {2}word-in-capitals: refuses an acronym that is a word after another word in capitals/);
  });

  it('adds the decisions to the JSON line, beside the mentions', () => {
    const { mentions, decisions } = JSON.parse(annotate('--json', '--why', whyText).stdout);
    expect(mentions.map((m: { text: string }) => m.text)).toEqual(['Shehbaz', 'Tehran']);
    expect(decisions.map((d: { text: string; rule: string; mark: string | null }) => [d.text, d.rule, d.mark])).toEqual([
      ['Sharif', 'another-given-name', null],
      ['PM Shehbaz', 'form', 'Shehbaz'],
      ['Iran Air', 'other-name', null],
      ['Tehran', 'form', 'Tehran'],
      ['US', 'word-in-capitals', null],
    ]);
  });
});

describe('the visible text of HTML', () => {
  it.each([
    ['skips the head, scripts and styles', '<head><title>T</title></head><script>s</script><style>c</style><p>body</p>', 'body'],
    ['skips hidden elements', '<p>a<span hidden>b</span><span style="visibility:hidden">c</span><i aria-hidden="true">d</i>e</p>', 'ae'],
    ['skips form fields and templates', '<p>a</p><textarea>b</textarea><template>c</template><select><option>d</option></select>', 'a'],
    ['breaks lines between blocks, not inside them', '<div><p>one <b>two</b></p><p>three</p></div>four<br>five', 'one two\nthree\nfour\nfive'],
    ['decodes entities and collapses whitespace', '<p>Ishaq&nbsp;Dar   and\n  Iran&#8217;s</p>', 'Ishaq\u00A0Dar and Iran’s'],
  ])('%s', (_what, input, expected) => expect(htmlToText(input)).toBe(expected));

  it('skips code, as the content script does, keeping the prose around it', () => {
    const text = htmlToText('<p>Talks <code>Iran</code> went on</p><pre>Pakistan</pre><p><kbd>US</kbd> in <samp>Tehran</samp> too</p>');
    expect(text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())).toEqual(['Talks went on', 'in too']);
  });
});
