/**
 * Runs long work in slices so a page never waits on Gloss: each slice stops
 * once it has done its budget of work units (characters of text) or used its
 * time, then yields to the page. Keeps a record of recent slices, which the
 * tests read to check that huge pages were split and no slice overran.
 */

export interface SliceRecord {
  units: number;
  ms: number;
}

export interface SchedulerOptions {
  /** Work units per slice; a slice stops before a step would start past it. */
  budgetUnits: number;
  /** Milliseconds per slice. */
  budgetMs: number;
}

/** A step reports how many units it did; the next step's size is bounded by what the producer promises. */
export type Work<T = void> = Iterator<number, T>;

const RECORD_LIMIT = 500;

/** What the content script (and the benchmark, to measure the same thing) slices its work by. */
export const SLICING: SchedulerOptions = { budgetUnits: 256_000, budgetMs: 8 };

/**
 * Between slices the page gets the thread back: a new task, so input and
 * rendering run before the next slice. Not `requestIdleCallback`, which comes
 * at most once a frame and would stretch a 60 ms job over half a second.
 */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Resolves after the next frame is rendered, when the page's layout is done and reading geometry forces none:
 * `requestAnimationFrame` runs just before the frame's layout, a task posted from it after the frame. A hidden
 * tab renders no frames, so there it resolves once the tab is shown.
 */
export const afterNextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));

export class Scheduler {
  readonly slices: SliceRecord[] = [];
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  /**
   * What the page's current task has given Gloss so far, across runs: one run may start in the task another ended
   * in (finding the scope, then the pass), and the budget is the page's task's, not the run's. Set back to nothing by
   * a message that arrives in a later task.
   */
  private spent: SliceRecord | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * Runs `work` to the end in slices, after any work queued before it; resolves to what it returns (undefined when
   * cancelled). The first slice runs in this task (in a microtask, after what is queued) when the task has budget
   * left; each later one in a task of its own. Work cancelled before its first slice never runs.
   */
  run<T>(work: Work<T>, { maxStepUnits }: { maxStepUnits: number }): Promise<T | undefined> {
    const generation = this.generation;
    const { budgetMs, budgetUnits } = this.options;
    const task = async (): Promise<T | undefined> => {
      let first = true;
      while (generation === this.generation) {
        if (!first || (this.spent && (this.spent.ms >= budgetMs || this.spent.units + maxStepUnits > budgetUnits))) {
          await nextTask();
          // A task of its own, whenever the message that says so arrives: messages of two channels keep no order.
          this.spent = null;
        }
        first = false;
        if (generation !== this.generation) return undefined;
        const before = this.spent ?? { units: 0, ms: 0 };
        const started = performance.now() - before.ms;
        let units = before.units;
        let done = false;
        let value: T | undefined;
        while (units + maxStepUnits <= budgetUnits || units === 0) {
          const step = work.next();
          if (step.done) {
            done = true;
            value = step.value;
            break;
          }
          units += step.value;
          if (performance.now() - started >= budgetMs) break;
        }
        this.spend({ units, ms: performance.now() - started });
        if (done) return value;
      }
      return undefined;
    };
    const result = this.queue.then(task, task);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Drops queued and running work at its next slice boundary. */
  cancel(): void {
    this.generation++;
  }

  /** Keeps what this task has given so far, and the record of slices (a slice that went on in a task is one slice). */
  private spend(slice: SliceRecord): void {
    if (this.spent) this.slices.pop();
    else void nextTask().then(() => (this.spent = null));
    this.spent = slice;
    this.slices.push(slice);
    if (this.slices.length > RECORD_LIMIT) this.slices.splice(0, this.slices.length - RECORD_LIMIT);
  }
}
