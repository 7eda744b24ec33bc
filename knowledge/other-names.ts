/**
 * What makes an other name worth listing: it holds a surface form of the knowledge, as a word sequence the matcher
 * would find in it, and is longer than that form. Otherwise it would change nothing, or hide the form itself.
 */
import { compileWords, cutAlias } from './compile';
import { startsUpper } from '../core/normalize';
import { CaseRule, type CompiledAlias } from '../core/types';

/** True when `alias` fits the name's words from word `at` on, case rules included. */
function fitsAt(alias: CompiledAlias, keys: string[], gaps: string[], written: string[], at: number): boolean {
  if (at + alias.keys.length > keys.length) return false;
  return alias.keys.every((key, t) => {
    if (key !== keys[at + t] || (t > 0 && alias.gaps[t - 1] !== gaps[at + t - 1])) return false;
    const rule = alias.cases[t];
    if (rule === CaseRule.Exact) return written[at + t] === alias.words[t];
    return rule === CaseRule.Any || startsUpper(written[at + t]!, 0);
  });
}

/**
 * What tells, for each other name, why it is no use, or null; it expects a text `cutAlias` accepts. The aliases are
 * looked up by first word, so checking every other name against thousands of entities stays linear.
 */
export function otherNameChecker(aliases: readonly CompiledAlias[]): (text: string) => string | null {
  const byFirstKey = new Map<string, CompiledAlias[]>();
  for (const alias of aliases) {
    const list = byFirstKey.get(alias.keys[0]!);
    if (list) list.push(alias);
    else byFirstKey.set(alias.keys[0]!, [alias]);
  }
  return (text) => {
    const { keys, gaps } = compileWords(text);
    const written = cutAlias(text).words;
    const inside = keys.flatMap((key, at) => (byFirstKey.get(key) ?? []).filter((alias) => fitsAt(alias, keys, gaps, written, at)));
    if (inside.length === 0) return 'contains no surface form of the knowledge, so it would change nothing';
    const same = inside.find((alias) => alias.keys.length === keys.length);
    if (same) return `is itself a surface form of "${same.entity}", which it would hide`;
    return null;
  };
}

export const otherNameProblem = (text: string, aliases: readonly CompiledAlias[]): string | null => otherNameChecker(aliases)(text);
