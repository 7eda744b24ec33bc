import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm run bench', () => {
  it('runs end to end on a small page and reports every measurement, with no timing asserted', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), 'results.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--no-build', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
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
  }, 300_000);
});
