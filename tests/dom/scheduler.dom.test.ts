/**
 * Long work in slices (scheduler.ts), in the tasks of a real page in both browsers: each slice within its budget of
 * work, the page's own tasks run between slices, cancelled work stops, queued work runs in order.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, domPages } from './harness';

describe.each(BROWSERS)('scheduler in %s', (browserName) => {
  const dom = domPages(browserName, ['scheduler']);

  it('splits work into slices within its budget of units, and returns what the work returns', async () => {
    const page = await dom.open('<p>Work</p>');
    const seen = await page.run(async ({ scheduler }) => {
      // A budget of time no slice reaches here: only the units end a slice.
      const slicer = new scheduler.Scheduler({ budgetUnits: 1_000, budgetMs: 60_000 });
      function* work() {
        for (let step = 0; step < 1_000; step++) yield 10;
        return 'done';
      }
      const result = await slicer.run(work(), { maxStepUnits: 10 });
      return { result, slices: slicer.slices.map((slice) => slice.units) };
    });
    expect(seen.result).toBe('done');
    expect(seen.slices.reduce((sum, units) => sum + units, 0)).toBe(10_000);
    expect(seen.slices.filter((units) => units > 0).length).toBe(10);
    for (const units of seen.slices) expect(units).toBeLessThanOrEqual(1_000);
  });

  it('starts a new slice before a step that could pass the budget, and always takes at least one step', async () => {
    const page = await dom.open('<p>Work</p>');
    const slices = await page.run(async ({ scheduler }) => {
      const slicer = new scheduler.Scheduler({ budgetUnits: 100, budgetMs: 60_000 });
      function* work(size: number) {
        for (let step = 0; step < 3; step++) yield size;
      }
      await slicer.run(work(60), { maxStepUnits: 60 });
      const bounded = slicer.slices.splice(0).map((slice) => slice.units);
      await slicer.run(work(150), { maxStepUnits: 150 });
      return { bounded, oversized: slicer.slices.map((slice) => slice.units) };
    });
    expect(slices.bounded.filter((units) => units > 0)).toEqual([60, 60, 60]);
    expect(slices.oversized.filter((units) => units > 0)).toEqual([150, 150, 150]);
  });

  it('ends a slice once it used its time, however few units it did', async () => {
    const page = await dom.open('<p>Work</p>');
    const steps = await page.run(async ({ scheduler }) => {
      const slicer = new scheduler.Scheduler({ budgetUnits: 1_000_000, budgetMs: 1 });
      function* slowWork() {
        for (let step = 0; step < 5; step++) {
          const until = performance.now() + 3;
          while (performance.now() < until);
          yield 1;
        }
      }
      await slicer.run(slowWork(), { maxStepUnits: 1 });
      return slicer.slices.map((slice) => slice.units).filter((units) => units > 0);
    });
    expect(steps).toEqual([1, 1, 1, 1, 1]);
  });

  it("gives the page's own tasks the thread between slices", async () => {
    const page = await dom.open('<p>Work</p>');
    const seen = await page.run(async ({ scheduler }) => {
      const slicer = new scheduler.Scheduler({ budgetUnits: 10, budgetMs: 60_000 });
      let pageTaskRan = false;
      let stepsBefore = -1;
      let steps = 0;
      setTimeout(() => {
        pageTaskRan = true;
        stepsBefore = steps;
      }, 0);
      function* work() {
        while (steps < 2_000) {
          steps++;
          yield 10;
        }
      }
      await slicer.run(work(), { maxStepUnits: 10 });
      return { pageTaskRan, stepsBefore, steps };
    });
    expect(seen.pageTaskRan).toBe(true);
    expect(seen.stepsBefore).toBeGreaterThan(0);
    expect(seen.stepsBefore).toBeLessThan(seen.steps);
  });

  it('runs queued work in order, and drops cancelled work at its next slice', async () => {
    const page = await dom.open('<p>Work</p>');
    const seen = await page.run(async ({ scheduler }) => {
      const slicer = new scheduler.Scheduler({ budgetUnits: 10, budgetMs: 60_000 });
      const log: string[] = [];
      function* work(name: string, steps: number) {
        for (let step = 0; step < steps; step++) {
          log.push(`${name}${step}`);
          yield 10;
        }
        return name;
      }
      const first = slicer.run(work('a', 3), { maxStepUnits: 10 });
      const second = slicer.run(work('b', 2), { maxStepUnits: 10 });
      const inOrder = [await first, await second];
      const cancelled = slicer.run(work('c', 100_000), { maxStepUnits: 10 });
      await new Promise((done) => setTimeout(done, 0));
      const stepsAtCancel = log.filter((step) => step.startsWith('c')).length;
      slicer.cancel();
      const result = (await cancelled) ?? null;
      const afterCancel = await slicer.run(work('d', 1), { maxStepUnits: 10 });
      return {
        inOrder,
        log: log.filter((step) => !step.startsWith('c')),
        stepsAtCancel,
        stepsOfC: log.filter((step) => step.startsWith('c')).length,
        result,
        afterCancel,
      };
    });
    expect(seen.inOrder).toEqual(['a', 'b']);
    expect(seen.log).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'd0']);
    // Cancelled while it ran: it had taken some slices, took no more, and resolved to nothing.
    expect(seen.stepsAtCancel).toBeGreaterThan(0);
    expect(seen.stepsOfC).toBe(seen.stepsAtCancel);
    expect(seen.result).toBeNull();
    expect(seen.afterCancel).toBe('d');
  });
});
