import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm run bench', () => {
  it('runs end to end on a small page and reports every measurement, with no timing asserted', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), 'results.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--no-build', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('| page | floor | Gloss (marks painted) |');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.pages.map((p: { page: string }) => p.page)).toEqual(['article-10kb', 'no-mention-20kb']);
    const [article, empty] = results.pages;
    expect(article.gloss.ranges).toBeGreaterThan(0);
    expect(empty.gloss.ranges).toBe(0);
    expect(article.markjs.marks).toBeGreaterThan(0);
    for (const page of results.pages) {
      for (const value of [page.floor.cold.median, page.gloss.cold.median, page.gloss.firstFrame.median, page.extension.readyMs.median]) {
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }
    }
    expect(results.bundle.gzipKB).toBeGreaterThan(0);
    expect(results.dynamic.ms.n).toBe(1);
    expect(results.popup.readyMs.n).toBe(1);

    // What the page pays: no marker, the naive marker and Gloss on the same pages, in Chromium (traced) and Firefox.
    expect(run.stdout).toContain('| page | ranges: Gloss / naive | main thread, no marker | Gloss adds |');
    const { cost } = results;
    for (const pages of [cost.chromium, cost.firefox.pages]) {
      expect(pages.map((p: { page: string }) => p.page)).toEqual(['article-10kb', 'no-mention-20kb']);
      const [marked, unmarked] = pages;
      expect(marked.ranges.gloss).toBeGreaterThan(0);
      expect(marked.ranges.naive).toBeGreaterThan(0);
      expect([unmarked.ranges.gloss, unmarked.ranges.naive]).toEqual([0, 0]);
      // The article's first lines name someone, so a mark is in view; a page naming nobody has none.
      for (const marker of ['gloss', 'naive']) expect(marked.firstInViewMs[marker].median).toBeGreaterThan(0);
      expect(unmarked.firstInViewMs.gloss).toBeNull();
      expect(marked.gloss.firstPassDoneMs.median).toBeGreaterThan(0);
    }
    for (const page of cost.chromium) {
      for (const marker of ['none', 'naive', 'gloss']) expect(page.cpuMs[marker].median).toBeGreaterThan(0);
      expect(page.longestExtensionTaskMs.gloss.median).toBeGreaterThan(0);
    }
    expect(cost.append.cpuMs.gloss.n).toBe(1);
    expect(cost.real.skipped).toContain('smoke');
  }, 300_000);
});
