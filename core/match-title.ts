/**
 * A title form ("PM Shehbaz") made of a title and one of its entity's aliases. The compiler lists them and the
 * matcher makes them when a title is found before an alias, from one function, so the two cannot differ.
 */
import type { CompiledAlias, CompiledTitle } from './types';

/** Whether a title can stand before the alias: not before an acronym, nor a prefix that only names in compounds. */
export const takesTitle = (alias: CompiledAlias): boolean => alias.form !== 'acronym' && alias.compoundOnly !== true;

export function titleForm(title: CompiledTitle, alias: CompiledAlias): CompiledAlias {
  return {
    entity: alias.entity,
    // Before a full name a title adds nothing to the reason; before a short form it is what names the person.
    form: alias.form === 'short' ? 'title' : alias.form,
    keys: [...title.keys, ...alias.keys],
    cases: [...title.cases, ...alias.cases],
    words: [...title.words, ...alias.words],
    gaps: [...title.gaps, title.trailingDot ? 'dot' : 'space', ...alias.gaps],
    markFrom: title.keys.length,
    trailingDot: alias.trailingDot,
    claims: alias.claims,
  };
}
