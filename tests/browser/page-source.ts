/** Functions sent to a page as source text, with JSON arguments: what `evaluate` and `waitFor` send. */

/** Source of `fn` as an expression (method shorthand `foo() {}` is turned into a function expression). */
export function functionSource(fn: (...args: any[]) => unknown): string {
  const source = fn.toString();
  const parses = (text: string) => {
    try {
      new Function(`return (${text});`); // syntax check only, never called
      return true;
    } catch {
      return false;
    }
  };
  if (parses(source)) return source;
  const method = source.replace(/^(async\s+)?(\*?)\s*/, (_m, isAsync: string | undefined, star: string) => `${isAsync ?? ''}function${star} `);
  if (parses(method)) return method;
  throw new Error(`cannot send this function to the page: ${source.slice(0, 80)}`);
}

export function callExpression(fn: (...args: any[]) => unknown, args: unknown[]): string {
  return `(${functionSource(fn)}).apply(null, ${JSON.stringify(args)})`;
}
