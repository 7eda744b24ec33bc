/**
 * Reads a Chromium trace (the Trace Event Format, as CDP `Tracing` reports it) for what one page's main thread
 * did: the sum of its top-level tasks, which of them ran an extension's script, and where the time went by event
 * name (self time: an event's duration less its children's).
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: what the thread ran on a CPU, which other processes' load does not stretch. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string } };
}

/** The sourceURL of the benchmark's probe (bench/probe.js): its tasks are the instrument's, not the page's. */
export const PROBE_URL = 'gloss-bench-probe.js';
/** Scripts at these addresses are an extension's. */
const EXTENSION_SCHEMES = ['chrome-extension://', 'moz-extension://'];
/** A top-level task on a Blink thread (category disabled-by-default-devtools.timeline). */
const TASK = 'RunTask';

export interface Thread {
  pid: number;
  tid: number;
}

export interface MainThreadCost {
  /** Top-level tasks, the probe's left out: their wall time. */
  busyMs: number;
  /** The same tasks' thread time (what the thread ran on a CPU; the machine's other load does not stretch it). */
  cpuMs: number;
  tasks: number;
  /** Thread time from here on. */
  longestTaskMs: number;
  /** Tasks in which an extension's script ran (its own microtasks after an await are not seen as its). */
  extensionMs: number;
  longestExtensionTaskMs: number;
  /** Self time by event name over the counted tasks; a task's own overhead counts as "RunTask". */
  selfMs: Record<string, number>;
}

const urlOf = (event: TraceEvent) => event.args?.data?.url ?? '';
/** Thread time where the trace has it, else wall time. */
const threadTime = (event: TraceEvent) => event.tdur ?? event.dur!;

/** The page's renderer main thread: the one the probe's functions ran on. */
export function probeThread(events: readonly TraceEvent[]): Thread | null {
  const call = events.find((event) => urlOf(event) === PROBE_URL && event.ph === 'X');
  return call ? { pid: call.pid, tid: call.tid } : null;
}

/** When the page's navigation started on that thread, in trace microseconds; -Infinity if the trace has none. */
export function navigationStart(events: readonly TraceEvent[], thread: Thread): number {
  const start = events.find(
    (event) => event.name === 'navigationStart' && event.pid === thread.pid && event.tid === thread.tid && event.args?.data?.documentLoaderURL,
  );
  return start ? start.ts : -Infinity;
}

interface Node {
  event: TraceEvent;
  end: number;
  children: Node[];
}

/** The complete events of one thread as trees, parents before children (same start: the longer one contains). */
function forest(events: readonly TraceEvent[]): Node[] {
  const sorted = events.filter((event) => event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const event of sorted) {
    const node = { event, end: event.ts + event.dur!, children: [] };
    while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop();
    if (stack.length > 0) stack.at(-1)!.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

function* subtree(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) yield* subtree(child);
}

/** Top-level tasks: `RunTask` events not inside another one (one may sit inside a wrapper from another category). */
function tasksOf(roots: Node[]): Node[] {
  return roots.flatMap((root) => (root.event.name === TASK ? [root] : tasksOf(root.children)));
}

/** What the main thread `thread` did in tasks that end after `from` (trace microseconds). */
export function mainThreadCost(events: readonly TraceEvent[], thread: Thread, from = -Infinity): MainThreadCost {
  const own = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid);
  const cost: MainThreadCost = { busyMs: 0, cpuMs: 0, tasks: 0, longestTaskMs: 0, extensionMs: 0, longestExtensionTaskMs: 0, selfMs: {} };
  for (const task of tasksOf(forest(own))) {
    if (task.end <= from) continue;
    const nodes = [...subtree(task)];
    if (nodes.some((node) => urlOf(node.event) === PROBE_URL)) continue;
    const ms = threadTime(task.event) / 1000;
    cost.busyMs += task.event.dur! / 1000;
    cost.cpuMs += ms;
    cost.tasks++;
    cost.longestTaskMs = Math.max(cost.longestTaskMs, ms);
    if (nodes.some((node) => EXTENSION_SCHEMES.some((scheme) => urlOf(node.event).startsWith(scheme)))) {
      cost.extensionMs += ms;
      cost.longestExtensionTaskMs = Math.max(cost.longestExtensionTaskMs, ms);
    }
    for (const node of nodes) {
      const self = Math.max(0, threadTime(node.event) - node.children.reduce((sum, child) => sum + threadTime(child.event), 0)) / 1000;
      cost.selfMs[node.event.name] = (cost.selfMs[node.event.name] ?? 0) + self;
    }
  }
  return cost;
}
