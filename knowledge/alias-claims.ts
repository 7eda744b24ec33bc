/**
 * Which entities claim each surface form. Two entities may share a form only
 * when a rule tells them apart; today no rule does, so any shared form is an
 * error the knowledge check reports.
 */
import type { Entity } from './schema';
import { cutAlias } from './compile';
import { foldKey } from '../core/normalize';

export interface AliasClaim {
  text: string;
  owners: { entity: string; index: number }[];
}

/** Acronyms compare case-sensitively ("US"), other forms by their folded words. */
function claimKey(text: string, form: string): string {
  const words = cutAlias(text).words;
  return form === 'acronym' ? `=${words.join(' ')}` : words.map(foldKey).join(' ');
}

/** Expects aliases that `cutAlias` accepts; the loader reports the others first. */
export function aliasClaims(entities: readonly Entity[]): AliasClaim[] {
  const claims = new Map<string, AliasClaim>();
  for (const entity of entities) {
    entity.aliases.forEach((alias, index) => {
      const key = claimKey(alias.text, alias.form);
      const claim = claims.get(key) ?? { text: alias.text, owners: [] };
      if (!claim.owners.some((o) => o.entity === entity.id)) claim.owners.push({ entity: entity.id, index });
      claims.set(key, claim);
    });
  }
  return [...claims.values()];
}
