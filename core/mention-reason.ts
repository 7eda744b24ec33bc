/**
 * The one quiet line a card shows about why a word on the page was taken for
 * its entity, from the reason the matcher recorded. An exact display-name
 * match needs no explaining, whatever its case or line breaks.
 */
import { oneLine, surfaceKey } from './normalize';
import type { MatchVia } from './types';

export function mentionReason(mention: { text: string; via: MatchVia }, name: string): string | null {
  if (surfaceKey(mention.text) === surfaceKey(name)) return null;
  const said = `“${oneLine(mention.text)}”`;
  switch (mention.via) {
    case 'context':
      return `${said} — taken as ${name}, named earlier on this page`;
    case 'variant':
      return `${said} — a variant spelling of ${name}`;
    case 'title':
      return `${said} — taken as ${name} from the title before it`;
    case 'acronym':
    case 'short':
      return `${said} — short for ${name}`;
    case 'name':
      return `${said} — another name for ${name}`;
  }
}
