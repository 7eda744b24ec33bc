import { cleanup, render, screen, within } from '@testing-library/preact';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import knowledge from 'virtual:gloss-knowledge/popup';
import { SourceFooter } from '@/entrypoints/popup/components/SourceFooter';
import { buildBundle, popupKnowledge } from '@/knowledge/bundle';
import { readKnowledgeFiles, validateKnowledge } from '@/knowledge/load';

// Vitest runs from the project's root; this environment's import.meta.url is a dev-server address, not a file.
const twoSources = popupKnowledge(buildBundle(validateKnowledge(readKnowledgeFiles(resolve('tests/fixtures/knowledge-two-sources/knowledge')))));

afterEach(cleanup);

const listed = () =>
  within(screen.getByRole('contentinfo'))
    .getAllByRole('listitem')
    .map((item) => [item.textContent, within(item).getByRole('link').getAttribute('href')]);

describe('the popup footer', () => {
  it('lists every article of knowledge with several sources, newest first', () => {
    render(<SourceFooter sources={twoSources.sources} />);
    expect(screen.getByRole('heading').textContent).toBe('About the sources');
    expect(listed()).toEqual([
      [
        "Coast Post, Velmora's new transport minister promises cheaper ferries, 10 February 2025",
        'https://coastpost.example.net/politics/transport-minister-ferries',
      ],
      [
        'Harbour Gazette, Port Calder opens its new ferry terminal, 2 May 2024',
        'https://harbour-gazette.example.org/news/port-calder-ferry-terminal',
      ],
    ]);
  });

  it('names the one article of knowledge with one source', () => {
    render(<SourceFooter sources={knowledge.sources} />);
    expect(screen.getByRole('heading').textContent).toBe('About the source');
    expect(listed()).toEqual([[expect.stringMatching(/^DW, .+, 6 August 2025$/), knowledge.sources[0]!.url]]);
  });
});
