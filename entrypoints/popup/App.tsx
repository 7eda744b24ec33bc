import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PopupKnowledge } from '@/knowledge/bundle';
import { scopeOn, withoutCorrection, withScope, type Settings } from '@/core/settings';
import { KIND_IDS, kindPlural } from '@/core/kinds';
import { countByKind, countByTopic, groupByKind } from '@/core/summary';
import type { PageSummary } from '@/utils/messaging';
import { Corrections } from './components/Corrections';
import { FoundList } from './components/FoundList';
import { ScopeChoice } from './components/ScopeChoice';
import { SearchBox } from './components/SearchBox';
import { SourceFooter } from './components/SourceFooter';
import { Switch } from './components/Switch';
import type { PopupApi } from './popup-api';

export interface AppProps {
  knowledge: PopupKnowledge;
  api: PopupApi;
  /** The tab the popup speaks for; null when there is none. */
  tabId: number | null;
  /** The settings and the page's summary, when they came before the first render; otherwise the popup asks. */
  first?: { settings: Settings; summary: PageSummary | null };
}

const toggle = <T,>(list: readonly T[], item: T, off: boolean): T[] => (off ? [...new Set([...list, item])] : list.filter((x) => x !== item));

export function App({ knowledge, api, tabId, first }: AppProps) {
  const [settings, setSettings] = useState<Settings | null>(first?.settings ?? null);
  // undefined: still asking the page; null: no content script answered.
  const [summary, setSummary] = useState<PageSummary | null | undefined>(first?.summary);
  const entities = useMemo(() => new Map(knowledge.entities.map((e) => [e.id, e])), [knowledge]);

  const refreshSummary = () => (tabId === null ? Promise.resolve(setSummary(null)) : api.summary(tabId).then(setSummary));
  useEffect(() => {
    if (!first) {
      void api.loadSettings().then(setSettings);
      void refreshSummary();
    }
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const watching = new AbortController();
    api.watchSettings((next) => {
      setSettings(next);
      // The page applies the change first; ask again for what it now shows.
      clearTimeout(refresh);
      refresh = setTimeout(() => void refreshSummary(), 150);
    }, watching.signal);
    return () => {
      clearTimeout(refresh);
      watching.abort();
    };
  }, [api, tabId]);

  // Both answers are in: the popup shows the page's summary (or says it can't) with its switches.
  const ready = settings !== null && summary !== undefined;
  // For the benchmark. Effects run once the browser has painted, so this is when the reader can see it.
  useEffect(() => {
    if (ready && performance.getEntriesByName('gloss-popup-ready').length === 0) performance.mark('gloss-popup-ready');
  }, [ready]);

  const update = (change: (current: Settings) => Settings) => {
    if (!settings) return;
    const next = change(settings);
    setSettings(next);
    void api.saveSettings(next);
  };

  const found = summary?.found ?? [];
  const byTopic = countByTopic(found, entities);
  const byKind = countByKind(found, entities);
  const hostname = summary?.hostname ?? null;

  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>Gloss</h1>
      </header>
      {settings && (
        <section class="popup__switches" aria-label="Where Gloss runs">
          <Switch
            label={hostname ? `Gloss on this site (${hostname})` : 'Gloss on this site'}
            checked={hostname !== null && !settings.sitesOff.includes(hostname)}
            disabled={hostname === null}
            onChange={(on) => hostname && update((s) => ({ ...s, sitesOff: toggle(s.sitesOff, hostname, !on) }))}
          />
          {hostname && <ScopeChoice scope={scopeOn(settings, hostname)} onChange={(scope) => update((s) => withScope(s, hostname, scope))} />}
          {hostname && (
            <Corrections
              corrections={settings.hidden.filter((correction) => correction.site === hostname)}
              nameOf={(id) => entities.get(id)?.name ?? id}
              onUndo={(correction) => update((s) => withoutCorrection(s, correction))}
            />
          )}
          <Switch label="Gloss everywhere" checked={settings.enabled} onChange={(on) => update((s) => ({ ...s, enabled: on }))} />
          <Switch
            label="Tell screen readers what was found"
            description="Once per page, a screen reader hears how many names Gloss marked and the key that steps through them."
            checked={settings.announce}
            onChange={(on) => update((s) => ({ ...s, announce: on }))}
          />
        </section>
      )}
      {summary === null && (
        <p class="notice" role="status">
          Gloss can’t run on this page. Browsers keep extensions off their own pages, the extension stores and the PDF viewer; a page opened before
          Gloss was installed needs a reload.
        </p>
      )}
      {settings && summary && (
        <>
          <section aria-labelledby="topics-heading">
            <h2 id="topics-heading">Topics</h2>
            {knowledge.topics.map((topic) => (
              <Switch
                key={topic.id}
                label={topic.label}
                description={topic.description}
                count={byTopic.get(topic.id) ?? 0}
                checked={!settings.topicsOff.includes(topic.id)}
                onChange={(on) => update((s) => ({ ...s, topicsOff: toggle(s.topicsOff, topic.id, !on) }))}
              />
            ))}
          </section>
          <section aria-labelledby="kinds-heading">
            <h2 id="kinds-heading">Kinds</h2>
            {KIND_IDS.map((kind) => (
              <Switch
                key={kind}
                label={kindPlural(kind)}
                count={byKind.get(kind) ?? 0}
                checked={!settings.kindsOff.includes(kind)}
                onChange={(on) => update((s) => ({ ...s, kindsOff: toggle(s.kindsOff, kind, !on) }))}
              />
            ))}
          </section>
          <section aria-labelledby="found-heading">
            <h2 id="found-heading">On this page</h2>
            {summary.active ? (
              <FoundList groups={groupByKind(found, entities)} onReveal={(id) => tabId !== null && void api.reveal(tabId, id)} />
            ) : (
              <p class="empty">Gloss is switched off here.</p>
            )}
          </section>
        </>
      )}
      <section aria-label="Search">
        <SearchBox preload={ready} />
      </section>
      <SourceFooter sources={knowledge.sources} />
    </main>
  );
}
