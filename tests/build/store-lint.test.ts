import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe("Mozilla's add-on linter on the Firefox build", () => {
  it('finds no error, and warns only about the innerHTML inside Preact (README: Permissions)', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    // Preact's renderer assigns innerHTML for its dangerouslySetInnerHTML prop, which no Gloss code uses (see no-remote-code.test.ts).
    for (const warning of report.warnings) {
      expect(warning).toMatchObject({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML' });
      expect(warning.file).toMatch(/^(chunks\/popup-[\w-]+\.js|content-scripts\/content\.js)$/);
    }
  }, 120_000);
});
