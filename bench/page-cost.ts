/**
 * What a page pays for its marks: each page loaded by every marker in turn (no marker, the naive marker, Gloss),
 * the order alternating from one round to the next, and the loads' medians. Times are from DOMContentLoaded.
 */
import type { MainThreadCost } from './trace';
import type { LoadSample, Marker, MarkerSession } from './chromium-cost';
import { stat, type Stat } from './report';

export interface CostTarget {
  page: string;
  url: string;
  /** A saved real page: one that fails to load (it navigated away, say) is left out with a message. */
  real: boolean;
}

export interface PageCost {
  page: string;
  real: boolean;
  ranges: Partial<Record<Marker, number>>;
  /** The page's main-thread busy time, in ms (Chromium only). */
  busyMs: Partial<Record<Marker, Stat>>;
  /** The same tasks' thread time, which the machine's other load stretches less. */
  cpuMs: Partial<Record<Marker, Stat>>;
  /** The longest task in which the marker's script ran. */
  longestExtensionTaskMs: Partial<Record<Marker, Stat>>;
  /** DOMContentLoaded → the first range in the viewport registered; null if no load had one in view. */
  firstInViewMs: Partial<Record<Marker, Stat | null>>;
  /** DOMContentLoaded → the highlights' last change; null if no load had a mark. */
  lastMarkMs: Partial<Record<Marker, Stat | null>>;
  /** Gloss's own account: its script's first statement, its first pass done and its longest slice. */
  gloss: { scriptStartMs: Stat; firstPassDoneMs: Stat; longestSliceMs: Stat } | null;
  /** Mean self time by trace event name, per marker. */
  selfMs: Partial<Record<Marker, Record<string, number>>>;
}

const statOrNull = (values: (number | null)[]) => {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? stat(present) : null;
};

/** Mean self time by event name, to 0.1 ms; names under that are left out (the trace has a hundred of them). */
function meanByName(costs: MainThreadCost[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const cost of costs) for (const [name, ms] of Object.entries(cost.selfMs)) sums[name] = (sums[name] ?? 0) + ms / costs.length;
  return Object.fromEntries(
    Object.entries(sums)
      .filter(([, ms]) => ms >= 0.1)
      .map(([name, ms]) => [name, Math.round(ms * 10) / 10]),
  );
}

export function summarise(target: CostTarget, samples: Map<Marker, LoadSample[]>): PageCost {
  const result: PageCost = {
    page: target.page,
    real: target.real,
    ranges: {},
    busyMs: {},
    cpuMs: {},
    longestExtensionTaskMs: {},
    firstInViewMs: {},
    lastMarkMs: {},
    gloss: null,
    selfMs: {},
  };
  for (const [marker, loads] of samples) {
    const since = (load: LoadSample, t: number | null) =>
      t === null || load.probe.domContentLoaded === null ? null : t - load.probe.domContentLoaded;
    result.ranges[marker] = stat(loads.map((load) => load.probe.ranges)).median;
    result.firstInViewMs[marker] = statOrNull(loads.map((load) => since(load, load.probe.firstInView)));
    result.lastMarkMs[marker] = statOrNull(loads.map((load) => since(load, load.probe.lastMark)));
    const costs = loads.flatMap((load) => (load.cost ? [load.cost] : []));
    if (costs.length > 0) {
      result.busyMs[marker] = stat(costs.map((cost) => cost.busyMs));
      result.cpuMs[marker] = stat(costs.map((cost) => cost.cpuMs));
      result.longestExtensionTaskMs[marker] = stat(costs.map((cost) => cost.longestExtensionTaskMs));
      result.selfMs[marker] = meanByName(costs);
    }
    const diagnostics = loads.flatMap((load) => (load.diagnostics ? [{ load, d: load.diagnostics }] : []));
    if (marker === 'gloss' && diagnostics.length > 0) {
      result.gloss = {
        scriptStartMs: stat(diagnostics.map(({ load, d }) => since(load, d.scriptStart) ?? NaN)),
        firstPassDoneMs: stat(diagnostics.map(({ load, d }) => since(load, d.firstPassDone) ?? NaN)),
        longestSliceMs: stat(diagnostics.map(({ d }) => Math.max(0, ...d.slices.map((slice) => slice.ms)))),
      };
    }
  }
  return result;
}

/** Every target loaded `reps` times by each session, in alternating order; real pages that fail are left out. */
export async function measurePages(targets: CostTarget[], sessions: MarkerSession[], reps: number, log: (line: string) => void): Promise<PageCost[]> {
  const results: PageCost[] = [];
  for (const target of targets) {
    const samples = new Map<Marker, LoadSample[]>(sessions.map((session) => [session.marker, []]));
    try {
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 === 0 ? sessions : [...sessions].reverse();
        for (const session of order) samples.get(session.marker)!.push(await session.load(target.url));
      }
    } catch (error) {
      if (!target.real) throw error;
      log(`left out ${target.page}: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    results.push(summarise(target, samples));
    log(`measured ${target.page}`);
  }
  return results;
}

/** Main-thread time (thread and wall) to mark 100 appended paragraphs, per session (alternating order). */
export async function measureAppend(
  url: string,
  sessions: MarkerSession[],
  reps: number,
): Promise<Record<'cpuMs' | 'busyMs', Partial<Record<Marker, Stat>>>> {
  const runs = new Map<Marker, MainThreadCost[]>(sessions.map((session) => [session.marker, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const session of rep % 2 === 0 ? sessions : [...sessions].reverse()) {
      const cost = await session.append(url);
      if (cost) runs.get(session.marker)!.push(cost);
    }
  }
  const of = (what: 'cpuMs' | 'busyMs') =>
    Object.fromEntries([...runs].filter(([, costs]) => costs.length > 0).map(([marker, costs]) => [marker, stat(costs.map((cost) => cost[what]))]));
  return { cpuMs: of('cpuMs'), busyMs: of('busyMs') };
}
