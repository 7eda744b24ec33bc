import { describe, expect, it } from 'vitest';
import { markerLabels } from '@/knowledge/citations';
import type { Source } from '@/knowledge/schema';

const source = (id: string, publisher: string, date: string): Source => ({
  id,
  publisher,
  date,
  title: id,
  url: `https://example.org/${id}`,
  authors: [],
  editors: [],
  passages: [],
});

describe('what a source marker says before ¶N', () => {
  it.each([
    ['nothing for one source', [source('a', 'DW', '2025-08-06')], ['']],
    ['the publisher where publishers differ', [source('a', 'DW', '2025-08-06'), source('b', 'Dawn', '2025-09-01')], ['DW', 'Dawn']],
    [
      'publisher and date for two articles of one publisher',
      [source('a', 'DW', '2025-08-06'), source('b', 'DW', '2025-09-01')],
      ['DW, 6 August 2025', 'DW, 1 September 2025'],
    ],
    [
      'the source ids for two articles of one publisher and day',
      [source('dw-morning', 'DW', '2025-08-06'), source('dw-evening', 'DW', '2025-08-06'), source('dawn', 'Dawn', '2025-08-06')],
      ['dw-morning', 'dw-evening', 'dawn'],
    ],
  ])('%s', (_what, sources, labels) => {
    expect(sources.map((s) => markerLabels(sources).get(s.id))).toEqual(labels);
  });
});
