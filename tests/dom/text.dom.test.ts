/**
 * The text Gloss reads (text-walker.ts) and what it reads again when the page changes (mutation-watch.ts), on real
 * DOM in both browsers.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, domPages } from './harness';

const OPEN_SHADOW = `<script>
  for (const host of document.querySelectorAll('[data-shadow]')) {
    host.attachShadow({ mode: host.dataset.shadow }).innerHTML = host.dataset.html;
  }
</script>`;

/** [what, body, the chunks of text the walk yields with its default sizes]. */
const WALKS: [string, string, string[]][] = [
  [
    'keeps a name split over inline elements together',
    '<p>Prime Minister <b>Shehbaz</b> <a href="#x">Sharif</a> spoke.</p>',
    ['Prime Minister Shehbaz Sharif spoke.'],
  ],
  ['breaks the line between blocks', '<p>Imran</p><p>Khan</p><div>Tehran<div>Islamabad</div>Kabul</div>', ['Imran\nKhan\nTehran\nIslamabad\nKabul']],
  ['breaks the line at <br> and list items', '<p>Shehbaz<br>Sharif</p><ul><li>Iran</li><li>Pakistan</li></ul>', ['Shehbaz\nSharif\nIran\nPakistan']],
  ['reads control whitespace inside a text node as spaces', '<p>Shehbaz\nSharif\tspoke</p>', ['Shehbaz Sharif spoke']],
  [
    'skips scripts, styles, code, pre, kbd and form fields',
    '<p>Kept</p><script>var Tehran</script><style>.Tehran{}</style><p>A <code>Tehran</code> <kbd>Iran</kbd> b</p><pre>Iran</pre><textarea>Iran</textarea><input value="Iran"><p>End</p>',
    ['Kept\nA   b\nEnd'],
  ],
  [
    'skips hidden and aria-hidden text, keeps aria-hidden="false"',
    '<p>Seen</p><p hidden>Tehran</p><p aria-hidden="true">Iran</p><p aria-hidden="false">Also seen</p>',
    ['Seen\nAlso seen'],
  ],
  [
    'skips what the reader edits, but not contenteditable="false"',
    '<p>Seen</p><div contenteditable>Typed Tehran</div><div contenteditable="plaintext-only">Iran</div><div contenteditable="false">Fixed</div>',
    ['Seen\nFixed'],
  ],
  [
    'skips its own gloss-* elements, not look-alikes',
    '<p>Seen</p><gloss-card><p>Card text</p></gloss-card><my-gloss-card>Theirs</my-gloss-card>',
    ['Seen\nTheirs'],
  ],
  [
    'enters an open shadow root as a block of its own, never a closed one',
    `<p>Before</p><div data-shadow="open" data-html="&lt;p&gt;Open &lt;b&gt;root&lt;/b&gt;&lt;/p&gt;"></div><div data-shadow="closed" data-html="Closed"></div><p>After</p>${OPEN_SHADOW}`,
    ['Before', 'Open root', 'After'],
  ],
];

const WATCHED = `<article id="story"><p id="a">First <b>paragraph</b>.</p><section id="s"><p id="b">Second.</p></section>
  <div id="hidden" hidden>Hidden</div><div id="editor" contenteditable>Typed</div>
  <p id="c">Run <code id="code">make</code> first.</p><pre id="pre">x = 1</pre></article>`;

describe.each(BROWSERS)('the text in %s', (browserName) => {
  const dom = domPages(browserName, ['textWalker', 'mutationWatch']);

  describe('text-walker', () => {
    it.each(WALKS)('%s', async (_what, body, expected) => {
      const page = await dom.open(body);
      const walked = await page.run(({ textWalker }) =>
        // A chunk may hold only the work of walking nodes, no text: the reader sees the ones with text.
        [...textWalker.walkText(document.body)]
          .filter((chunk) => chunk.text !== '')
          .map((chunk) => ({
            text: chunk.text,
            // Every run maps back to the very characters of its text node.
            runsMapBack: chunk.runs.every(
              (run) =>
                run.node.data.slice(run.nodeStart, run.nodeStart + run.length).replace(/\s/g, ' ') ===
                chunk.text.slice(run.start, run.start + run.length),
            ),
          })),
      );
      expect(walked.map((chunk) => chunk.text)).toEqual(expected);
      expect(walked.every((chunk) => chunk.runsMapBack)).toBe(true);
    });

    it('reads nothing of a page in design mode', async () => {
      const page = await dom.open('<p>Shehbaz Sharif</p><script>document.designMode = "on"</script>');
      expect(await page.run(({ textWalker }) => [...textWalker.walkText(document.body)].length)).toBe(0);
    });

    it('ends chunks only between blocks, and cuts a long text node at a sentence end', async () => {
      const page = await dom.open(`${'<p>Talks in Islamabad went on.</p>'.repeat(12)}<p id="long">${'Tehran replied at once. '.repeat(40)}</p>`);
      const chunks = await page.run(({ textWalker }) =>
        [...textWalker.walkText(document.body, { chunkSize: 100, maxRun: 200 })].map((chunk) => chunk.text).filter((text) => text.trim() !== ''),
      );
      expect(chunks.length).toBeGreaterThan(3);
      // Nothing lost or read twice, and every line of every chunk is whole sentences.
      const all = chunks.join('\n');
      expect(all.match(/Talks in Islamabad went on\./g)).toHaveLength(12);
      expect(all.match(/Tehran replied at once\./g)).toHaveLength(40);
      for (const line of all.split('\n'))
        expect(line.trim()).toMatch(/^(Talks in Islamabad went on\.|Tehran replied at once\.( Tehran replied at once\.)*)$/);
    });

    it('tells of each open shadow root it enters, and leaves out what `excludes` selects', async () => {
      const page = await dom.open(
        `<nav>Home News</nav><p>Story</p><div id="host" data-shadow="open" data-html="&lt;p&gt;Inside&lt;/p&gt;"></div>${OPEN_SHADOW}`,
      );
      const seen = await page.run(({ textWalker }) => {
        const roots: string[] = [];
        const texts = [
          ...textWalker.walkText(document.body, {
            excludes: (element) => element.localName === 'nav',
            onShadowRoot: (root) => roots.push((root.host as Element).id),
          }),
        ]
          .map((chunk) => chunk.text)
          .filter((text) => text !== '');
        return { texts, roots };
      });
      expect(seen).toEqual({ texts: ['Story', 'Inside'], roots: ['host'] });
    });
  });

  describe('mutation-watch', () => {
    /** Opens the watched page, makes `change` (source text run in the page) in one task, and returns the batches seen. */
    async function batchesAfter(change: string): Promise<string[][]> {
      const page = await dom.open(WATCHED);
      return page.run(async ({ mutationWatch }, source) => {
        const batches: string[][] = [];
        const label = (node: Node) => (node as Element).id || node.nodeName.toLowerCase();
        const watch = new mutationWatch.MutationWatch((batch) => batches.push(batch.roots.map(label)));
        watch.start();
        new Function(source)();
        await new Promise((done) => setTimeout(done, 0));
        watch.stop();
        return batches;
      }, change);
    }

    it.each([
      ['an inline element added to a paragraph: that paragraph', `document.getElementById('a').append(document.createElement('i'))`, [['a']]],
      [
        'a paragraph appended: the new paragraph',
        `story.append(Object.assign(document.createElement('p'), { id: 'new', textContent: 'New' }))`,
        [['new']],
      ],
      ['edited text: its paragraph', `document.getElementById('b').firstChild.data = 'Edited.'`, [['b']]],
      [
        'many changes in one task: one batch, in document order, none inside another',
        `b.firstChild.data = 'x'; s.append('loose'); a.querySelector('b').textContent = 'y'; b.append('z')`,
        [['a', 's']],
      ],
      ['text added straight into the body: the body', `document.body.append('Loose text')`, [['body']]],
      ['a paragraph removed: a batch with nothing to read again', `document.getElementById('b').remove()`, [[]]],
      [
        'its own UI added, filled and removed: nothing',
        `const c = document.createElement('gloss-card'); document.body.append(c); c.append(document.createElement('p')); c.remove()`,
        [],
      ],
      ['edits inside hidden text and an editable block: nothing', `hidden.append(' more'); editor.append(' more')`, []],
      ['edits inside code and a preformatted block, which are never read: nothing', `code.append(' all'); pre.firstChild.data = 'x = 2'`, []],
    ])('reports %s', async (_what, change, expected) => {
      expect(await batchesAfter(change)).toEqual(expected);
    });

    it('reports changes of separate tasks in separate batches, inside an open shadow root once told of it, and none after stop', async () => {
      const page = await dom.open(`${WATCHED}<div id="host"></div>`);
      const batches = await page.run(async ({ mutationWatch }) => {
        const batches: string[][] = [];
        const tick = () => new Promise((done) => setTimeout(done, 0));
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        root.innerHTML = '<p id="inner">Inside</p>';
        const watch = new mutationWatch.MutationWatch((batch) => batches.push(batch.roots.map((node) => (node as Element).id)));
        watch.start();
        root.getElementById('inner')!.append(' unseen');
        await tick();
        watch.start(root);
        root.getElementById('inner')!.append(' seen');
        await tick();
        document.getElementById('a')!.append('!');
        await tick();
        watch.stop();
        document.getElementById('b')!.append('!');
        await tick();
        return batches;
      });
      expect(batches).toEqual([['inner'], ['a']]);
    });
  });
});
