/**
 * in-page.ts (with Readability) bundled into one script, installed into a page's main world through the automation
 * protocol — the page's CSP, which blocks the saved pages' own scripts, does not apply to it — and called there.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { GlossPage } from '../../tests/browser/driver';
import type { Mark, Oracle, Place } from './types';

export async function buildPageScript(): Promise<string> {
  const entry = fileURLToPath(new URL('./in-page.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

type Api = { marks(): Mark[]; oracle(): Oracle; places(indices: number[]): Place[] };

/** Calls `method` of the page script in `page`, installing it first if this document doesn't have it yet. */
export async function callPage<M extends keyof Api>(
  page: GlossPage,
  script: string,
  method: M,
  ...args: Parameters<Api[M]>
): Promise<ReturnType<Api[M]>> {
  return page.evaluate(
    (source: string, name: string, params: unknown[]) => {
      const scope = globalThis as unknown as { glossEval?: Record<string, (...a: unknown[]) => unknown> };
      // Indirect eval, in the evaluated page only: the page script is sent once as source and defines its functions globally.
      // biome-ignore lint/complexity/noCommaOperator: (0, eval) is how an indirect, global-scope eval is written
      // biome-ignore lint/security/noGlobalEval: the tool's own page script, in a test browser, never the extension
      if (!scope.glossEval) (0, eval)(source);
      return scope.glossEval![name]!(...params);
    },
    script,
    method,
    args,
  ) as Promise<ReturnType<Api[M]>>;
}
