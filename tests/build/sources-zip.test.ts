/**
 * Mozilla's reviewers rebuild the add-on from the sources zip (`npm run zip`, which `npm test` runs) with the
 * README's commands, and the result must be the Firefox release build, byte for byte. In place of `npm ci` the
 * unpacked sources get the project's node_modules linked: the same lock file (which the zip must carry), and no
 * registry download inside a test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const SOURCES = join(ROOT, '.output', `${name}-${version}-sources.zip`);
const RELEASE = join(ROOT, '.output', 'firefox-mv3');
/** What the README tells a reviewer to run in the unpacked sources. */
const REVIEWER_COMMANDS = 'npm ci && npm run build:firefox';

/** Every file under `dir`, as sorted relative paths with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('the sources zip for Mozilla', () => {
  let unpacked: string;
  let listing: string[];

  beforeAll(() => {
    if (!existsSync(SOURCES)) throw new Error(`${SOURCES} is missing: make it with npm run zip (npm test does)`);
    unpacked = mkdtempSync(join(tmpdir(), 'gloss-sources-'));
    try {
      execFileSync('unzip', ['-q', SOURCES, '-d', unpacked]);
    } catch (error) {
      throw new Error(`could not unpack ${SOURCES} (is unzip installed? apt-get install -y unzip): ${(error as Error).message}`);
    }
    listing = filesUnder(unpacked);
  });

  afterAll(() => {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  });

  it('holds the build inputs, the lock file and the README with the commands, and no dependencies, output, tests or tools', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/content/index.ts',
      'knowledge/entities/people.json',
    ]) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((file) => /^(node_modules|\.output|\.wxt|tests|bench|scripts|assets)\//.test(file) || /\.test\.tsx?$/.test(file))).toEqual(
      [],
    );
    expect(readFileSync(join(unpacked, 'package-lock.json')).equals(readFileSync(join(ROOT, 'package-lock.json')))).toBe(true);
    expect(readFileSync(join(unpacked, 'README.md'), 'utf8')).toContain(REVIEWER_COMMANDS);
  });

  it('rebuilds with the README commands to exactly the release build in .output/firefox-mv3', () => {
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(unpacked, 'node_modules'), 'dir');
    // A reviewer's shell, not the test runner's: NODE_ENV=test and vitest's variables would change the build.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
    execFileSync('npm', ['run', 'build:firefox'], { cwd: unpacked, env, stdio: 'pipe' });

    const rebuilt = join(unpacked, '.output', 'firefox-mv3');
    const release = filesUnder(RELEASE);
    const again = filesUnder(rebuilt);
    const differing = [...new Set([...release, ...again])]
      .sort()
      .filter(
        (file) => !release.includes(file) || !again.includes(file) || !readFileSync(join(RELEASE, file)).equals(readFileSync(join(rebuilt, file))),
      );
    expect(differing, 'files that differ between the release build and the rebuild from the sources zip').toEqual([]);
    expect(release).toContain('manifest.json');
  }, 180_000);
});
