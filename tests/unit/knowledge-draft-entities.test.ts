import { describe, expect, it } from 'vitest';
import { makeDraft, type Draft } from '@/scripts/knowledge-draft/draft';
import { loadKnowledge } from '@/knowledge/load';

const OPTIONS = { publisher: 'Example Wire', date: '2026-03-03', url: 'https://example.org/news/1' };

function draftOf(lines: string[], knowledge = null as ReturnType<typeof loadKnowledge> | null): Draft {
  return makeDraft(lines.join('\n'), OPTIONS, knowledge);
}

/** The draft's entities as "name (kind)", in the order the article first names them. */
function named(lines: string[]): string[] {
  return draftOf(lines).entities.map((e) => `${e.name} (${e.kind})`);
}

describe('the entities a draft finds in an article alone', () => {
  it.each([
    [
      'titles before a name are cut off, and a country before a title is its own entity',
      ['Chilean Finance Minister Marta Olave met US Secretary of State Ann Lowe in Santiago on Monday.'],
      ['Marta Olave (person)', 'US (country)', 'Ann Lowe (person)', 'Santiago (place)'],
    ],
    [
      'hyphenated countries are each a country; an "X-based" name is a place',
      ['The Peru-Bolivia border talks resumed in the Lima-based forum.'],
      ['Peru (country)', 'Bolivia (country)', 'Lima (place)'],
    ],
    [
      'a name with "and" is one place when neither half stands alone, two when they do',
      ['Talks went on in the province of Karun and Sabzan, and Kenya and Uganda sent observers.'],
      ['Karun and Sabzan (place)', 'Kenya (country)', 'Uganda (country)'],
    ],
    [
      'the noun that introduces a name gives its kind',
      ['The mining company Velmar hires in cities such as Osorno and Temuco. Kiri Tane, a hydrologist, works in Valdés, a port town.'],
      ['Velmar (group)', 'Osorno (place)', 'Temuco (place)', 'Kiri Tane (person)', 'Valdés (place)'],
    ],
    [
      'a bare ministry belongs to the country that owns it',
      ["Chile's Foreign Ministry said the border would stay open."],
      ['Chile (country)', "Chile's Foreign Ministry (group)"],
    ],
    [
      'capitals at a sentence start, demonyms and adjectives before a noun name nothing',
      ['Despite the rain, Chilean farmers met. Indigenous communities joined them. Floodwater rose near Osorno.'],
      ['Osorno (place)'],
    ],
    [
      'a name "of" a group is two names; "University of …" is one',
      ['"We are ready," said Rosa Tarn of the Andes Water Forum, a lecturer at the University of Temuco.'],
      ['Rosa Tarn (person)', 'Andes Water Forum (group)', 'University of Temuco (group)'],
    ],
    [
      'a dateline is a place; a name set off after a role is a person',
      ['OSORNO, Chile \u2014 Its spokesman, Tiva Rell, said the talks had failed.'],
      ['Osorno (place)', 'Chile (country)', 'Tiva Rell (person)'],
    ],
    [
      '"X\'s Y" whose halves name nothing alone is one name; a given name of two syllables stays whole',
      ["Economist Chen Wei-ling told Lloyd's List, a trade publication, that prices rose."],
      ['Chen Wei-ling (person)', "Lloyd's List (group)"],
    ],
    [
      '"the X" that does not comment is a group; ", who" follows a person',
      ['The Kremlin did not respond. Oda Brenn, who leads the union, says wages fell.'],
      ['Kremlin (group)', 'Oda Brenn (person)'],
    ],
    [
      'countries the tagger does not know come from ICU\u2019s region names',
      ['Laos and Jordan signed a deal with Chad.'],
      ['Laos (country)', 'Jordan (country)', 'Chad (country)'],
    ],
  ])('%s', (_rule, lines, expected) => {
    expect(named(lines)).toEqual(expected);
  });

  it('takes a bare surname, a short form and an acronym for the full name they stand for', () => {
    const draft = draftOf([
      'Marta Olave met the Andes Water Forum (AWF) on the Loa River.',
      'Later, Olave said the AWF would fund a dam on the Loa.',
    ]);
    expect(draft.entities.map((e) => [e.name, e.aliases])).toEqual([
      ['Marta Olave', ['Marta Olave', { text: 'Olave', form: 'short' }]],
      ['Andes Water Forum', ['Andes Water Forum', { text: 'AWF', form: 'acronym' }]],
      ['Loa River', ['Loa River', { text: 'Loa', form: 'short' }]],
    ]);
    expect(draft.entities[0]!.sources).toEqual([{ source: 'example-wire-2026-03-03', paragraphs: [1, 2] }]);
  });

  it('reads only the names a Title Case headline shares with the body, and no names from the date or byline', () => {
    const draft = draftOf([
      'Chile\u2019s Miners Brace For A Long Strike',
      'March 3, 2026',
      'Miners in Chile stopped work on Monday.',
      'Edited by: Jo Park',
    ]);
    expect(draft.entities.map((e) => e.name)).toEqual(['Chile']);
    expect(draft.source).toMatchObject({ title: 'Chile\u2019s Miners Brace For A Long Strike', editors: ['Jo Park'], authors: [] });
  });

  it('relates entities by the paragraphs they share, most shared first', () => {
    const draft = draftOf(['Marta Olave visited Osorno and Temuco.', 'Olave returned to Osorno.', 'Temuco is quiet.']);
    expect(draft.entities.find((e) => e.id === 'marta-olave')!.related).toEqual([
      { id: 'osorno', count: 2, reason: 'named together in paragraphs 1, 2' },
      { id: 'temuco', count: 1, reason: 'named together in paragraph 1' },
    ]);
  });
});

describe('a draft next to the knowledge', () => {
  const knowledge = loadKnowledge();
  const draft = draftOf(
    [
      'Prime Minister Shehbaz Sharif met the trade envoy Lina Okafor in Islamabad.',
      '"The corridor will open next year," Sharif said, while Okafor said Nigeria was "ready to invest."',
    ],
    knowledge,
  );

  it('finds the known entities through the matcher and names their entries', () => {
    expect(draft.entities.map((e) => [e.id, e.existing ?? null, e.kind])).toEqual([
      ['shehbaz-sharif', 'shehbaz-sharif', 'person'],
      ['lina-okafor', null, 'person'],
      ['islamabad', 'islamabad', 'place'],
      ['nigeria', null, 'country'],
    ]);
  });

  it('gives each quote its speaker, known or new', () => {
    expect(draft.quotes.map((q) => [q.speaker, q.paragraph, q.text])).toEqual([
      ['shehbaz-sharif', 2, 'The corridor will open next year'],
      ['lina-okafor', 2, 'ready to invest.'],
    ]);
  });

  it('proposes no id the knowledge already uses for another entity', () => {
    const ids = new Set(knowledge.entities.map((e) => e.id));
    expect(draft.entities.filter((e) => !e.existing && ids.has(e.id))).toEqual([]);
  });
});
