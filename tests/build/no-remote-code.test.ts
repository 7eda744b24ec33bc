import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The code that ships in the extension. */
const SHIPPED = ['entrypoints', 'components', 'core', 'utils', 'knowledge'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = SHIPPED.flatMap((dir) => sources(join(ROOT, dir))).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('the shipped code', () => {
  it.each([
    ['eval', /\beval\s*\(/],
    ['the Function constructor', /\bnew\s+Function\s*\(/],
    ['innerHTML and its kin', /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b/],
    ['document.write', /\bdocument\.write(ln)?\s*\(/],
    // The one fetch allowed reads a file of the extension's own package.
    ['network requests', /\b(fetch\s*\((?!browser\.runtime\.getURL\()|(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\()/],
    ['remote scripts', /https?:\/\/[^'"`\s]+\.js\b/],
  ])('never uses %s', (_what, pattern) => {
    expect(files.filter((file) => pattern.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('is there to be checked', () => {
    expect(files.length).toBeGreaterThan(20);
  });
});

describe('the built extension', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('%s has no script that evaluates strings as code', (target) => {
    const dir = join(ROOT, '.output', target);
    const scripts = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(readFileSync(join(dir, script), 'utf8'), script).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(/);
  });
});
