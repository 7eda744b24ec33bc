import { describe, expect, it } from 'vitest';
import { mainThreadCost, navigationStart, PROBE_URL, probeThread, type TraceEvent } from '../../bench/trace';

const PAGE = { pid: 10, tid: 10 };
const OTHER = { pid: 20, tid: 20 };

/** A complete event on the page's main thread: start and length in ms, thread time equal to wall time unless given. */
const x = (name: string, startMs: number, ms: number, more: Partial<TraceEvent> & { url?: string; cpuMs?: number } = {}): TraceEvent => {
  const { url, cpuMs, ...rest } = more;
  return {
    name,
    cat: 'devtools.timeline',
    ph: 'X',
    ts: startMs * 1000,
    dur: ms * 1000,
    tdur: (cpuMs ?? ms) * 1000,
    ...PAGE,
    ...(url !== undefined && { args: { data: { url } } }),
    ...rest,
  };
};
const probeTask = (startMs: number) => [x('RunTask', startMs, 0.1), x('FunctionCall', startMs, 0.05, { url: PROBE_URL })];
const extensionTask = (startMs: number, ms: number) => [
  x('RunTask', startMs, ms),
  x('FunctionCall', startMs + 0.1, ms - 0.2, { url: 'chrome-extension://abc/content-scripts/content.js' }),
];

describe('the page main thread in a trace', () => {
  it('is the thread the probe ran on', () => {
    const events = [x('RunTask', 0, 5, OTHER), ...probeTask(1)];
    expect(probeThread(events)).toEqual(PAGE);
  });

  it('is not found when the probe never ran', () => {
    expect(probeThread([x('RunTask', 0, 5)])).toBeNull();
  });

  it('starts where the page navigated, not where the blank tab did', () => {
    const mark = (url: string, ts: number): TraceEvent => ({
      name: 'navigationStart',
      cat: 'blink.user_timing',
      ph: 'R',
      ts,
      pid: 10,
      tid: 10,
      args: { data: { documentLoaderURL: url } },
    });
    expect(navigationStart([mark('', 1000), mark('http://127.0.0.1/a.html', 5000)], PAGE)).toBe(5000);
  });
});

describe('mainThreadCost', () => {
  it.each<[string, TraceEvent[], Partial<ReturnType<typeof mainThreadCost>>]>([
    ['sums the top-level tasks', [x('RunTask', 0, 4), x('RunTask', 10, 6)], { busyMs: 10, cpuMs: 10, tasks: 2, longestTaskMs: 6 }],
    ['counts a task once with what runs inside it', [x('RunTask', 0, 10), x('Layout', 1, 3), x('Paint', 5, 2)], { busyMs: 10, tasks: 1 }],
    ['leaves out the probe', [x('RunTask', 0, 4), ...probeTask(5), ...probeTask(6)], { busyMs: 4, tasks: 1 }],
    ['leaves out other threads', [x('RunTask', 0, 4), x('RunTask', 0, 50, OTHER)], { busyMs: 4, tasks: 1 }],
    ['keeps thread time apart from wall time', [x('RunTask', 0, 10, { cpuMs: 3 })], { busyMs: 10, cpuMs: 3, longestTaskMs: 3 }],
    ['finds tasks inside a wrapper of another category', [x('ThreadControllerImpl::RunTask', 0, 10), x('RunTask', 0.5, 9)], { busyMs: 9, tasks: 1 }],
    [
      'tells the extension tasks apart',
      [x('RunTask', 0, 20), ...extensionTask(30, 8), ...extensionTask(40, 3)],
      { busyMs: 31, extensionMs: 11, longestExtensionTaskMs: 8, longestTaskMs: 20 },
    ],
  ])('%s', (_what, events, expected) => {
    expect(mainThreadCost([...events, ...probeTask(100)], PAGE)).toMatchObject(expected);
  });

  it('counts only tasks that end after the start', () => {
    const events = [x('RunTask', 0, 4), x('RunTask', 8, 4), x('RunTask', 20, 1)];
    expect(mainThreadCost(events, PAGE, 10_000)).toMatchObject({ busyMs: 5, tasks: 2 });
  });

  it('gives each event its self time: its own less its children', () => {
    const events = [x('RunTask', 0, 10), x('FunctionCall', 1, 6), x('Layout', 2, 4), x('Paint', 8, 1)];
    expect(mainThreadCost(events, PAGE).selfMs).toEqual({ RunTask: 3, FunctionCall: 2, Layout: 4, Paint: 1 });
  });
});
