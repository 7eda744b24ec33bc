import { describe, expect, it } from 'vitest';
import { packedMatcher } from '@/core/match';
import { buildBundle, openPage, packPage, pageKnowledge } from '@/knowledge/bundle';
import { loadKnowledge } from '@/knowledge/load';

const page = pageKnowledge(buildBundle(loadKnowledge()));
/** As the content script has it: the build's packed share, through JSON. */
const open = () => openPage(JSON.parse(JSON.stringify(packPage(page))));

describe('the page share as the content script reads it', () => {
  const { entities } = open();

  it.each(page.entities.map((entity) => [entity.id, entity]))('has %s with its name, kind and topics', (id, entity) => {
    expect(entities.get(id)).toEqual(entity);
  });

  it('has no entity the knowledge does not have', () => {
    expect(entities.get('no-such-entity')).toBeUndefined();
  });

  it.each<[string, string, string[]]>([
    ['names of three kinds', 'Shehbaz Sharif met Masoud Pezeshkian in Islamabad.', ['Shehbaz Sharif', 'Masoud Pezeshkian', 'Islamabad']],
    ['a title before a short form', 'PM Shehbaz chaired the meeting.', ['Shehbaz']],
    ['a title in capitals written otherwise', 'Pm Shehbaz chaired the meeting.', []],
    ['a near miss of a surname after the full name', 'Masoud Pezeshkian arrived. Pezeshkyan spoke.', ['Masoud Pezeshkian', 'Pezeshkyan']],
  ])('marks %s', (_what, text, marks) => {
    const known = open();
    const mentions = packedMatcher(known.index).match(text);
    expect(mentions.map((mention) => mention.text)).toEqual(marks);
    for (const mention of mentions) expect(known.entities.get(mention.entity)?.id).toBe(mention.entity);
  });
});
