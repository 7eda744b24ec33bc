/**
 * Where marks sit (page-marks.ts), how they are painted (highlight-painter.ts) and which one is under the pointer
 * (hit-test.ts), on real DOM in both browsers. The mentions are given by the test, so no matcher is involved.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, domPages } from './harness';
import { markUp, registry, type Wanted } from './marks-in-page';

const PEOPLE_AND_PLACES: Wanted = [
  ['shehbaz-sharif', 'person', 'Shehbaz Sharif'],
  ['masoud-pezeshkian', 'person', 'Masoud Pezeshkian'],
  ['tehran', 'place', 'Tehran'],
];
const TALKS = '<p>Talks: <b>Shehbaz</b> Sharif met Masoud Pezeshkian in Tehran.</p>';

describe.each(BROWSERS)('marks in %s', (browserName) => {
  const dom = domPages(browserName, ['textWalker', 'pageMarks', 'highlightPainter', 'hitTest']);

  describe('page-marks', () => {
    it.each([
      ['one text node', '<p>Talks in Islamabad ended.</p>', 'Islamabad', [['Islamabad', 'p', 9]]],
      [
        'a bold first name',
        '<p>Prime Minister <b>Shehbaz</b> Sharif spoke.</p>',
        'Shehbaz Sharif',
        [
          ['Shehbaz', 'b', 0],
          [' Sharif', 'p', 0],
        ],
      ],
      [
        'a link and an italic word',
        '<p>The <a href="#">Balochistan</a> <i>Liberation</i> Army said</p>',
        'Balochistan Liberation Army',
        [
          ['Balochistan', 'a', 0],
          [' ', 'p', 0],
          ['Liberation', 'i', 0],
          [' Army', 'p', 0],
        ],
      ],
    ])('cuts a mention over %s into pieces, one per text node', async (_what, body, text, expected) => {
      const page = await dom.open(body);
      await page.run(markUp, [['someone', 'person', text]]);
      const pieces = await page.run(() =>
        [...(window as any).marks.marks][0].pieces.map((piece: { node: Text; start: number; end: number }) => [
          piece.node.data.slice(piece.start, piece.end),
          piece.node.parentElement!.localName,
          piece.start,
        ]),
      );
      expect(pieces).toEqual(expected);
    });

    it('finds a mark by caret offset in each of its nodes, its edges included, and nothing beside it', async () => {
      const page = await dom.open('<p id="p">Prime Minister <b>Shehbaz</b> Sharif spoke.</p>');
      await page.run(markUp, [['shehbaz-sharif', 'person', 'Shehbaz Sharif']]);
      const found = await page.run(() => {
        const walker = document.createTreeWalker(document.getElementById('p')!, NodeFilter.SHOW_TEXT);
        const out: [string, number[]][] = [];
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const offsets: number[] = [];
          for (let offset = 0; offset <= node.length; offset++)
            if ((window as any).marks.at(node, offset)?.mark.text === 'Shehbaz Sharif') offsets.push(offset);
          out.push([node.data, offsets]);
        }
        return out;
      });
      expect(found).toEqual([
        ['Prime Minister ', []],
        ['Shehbaz', [0, 1, 2, 3, 4, 5, 6, 7]],
        [' Sharif spoke.', [0, 1, 2, 3, 4, 5, 6, 7]],
      ]);
    });

    it('removes a whole mark when one of its pieces goes, keeps the others, and lists marks in document order', async () => {
      const page = await dom.open('<p>Tehran and <b>Shehbaz</b> Sharif.</p><p>Later, Islamabad.</p>');
      // Found in the reverse of the page's order.
      expect(
        await page.run(markUp, [
          ['islamabad', 'place', 'Islamabad'],
          ['shehbaz-sharif', 'person', 'Shehbaz Sharif'],
          ['tehran', 'place', 'Tehran'],
        ]),
      ).toBe(3);
      const seen = await page.run(() => {
        const marks = (window as any).marks;
        const order = () => marks.inOrder().map((mark: { text: string; kind: string }) => `${mark.text} (${mark.kind})`);
        const before = order();
        const bold = document.querySelector('b')!.firstChild!;
        const removed = marks.removeWhere((piece: { node: Node }) => piece.node === bold).map((mark: { text: string }) => mark.text);
        const rest = document.querySelector('b')!.nextSibling!;
        return { before, removed, after: order(), stillAt: [marks.at(bold, 2) ?? null, marks.at(rest, 2) ?? null] };
      });
      expect(seen).toEqual({
        before: ['Tehran (place)', 'Shehbaz Sharif (person)', 'Islamabad (place)'],
        removed: ['Shehbaz Sharif'],
        after: ['Tehran (place)', 'Islamabad (place)'],
        stillAt: [null, null],
      });
    });
  });

  describe('highlight-painter', () => {
    async function painted(body = TALKS) {
      const page = await dom.open(body);
      await page.run(markUp, PEOPLE_AND_PLACES);
      await page.run(({ highlightPainter }) => {
        (window as any).painter = new highlightPainter.HighlightPainter();
      });
      return page;
    }

    it('paints each kind as its gloss-<kind> highlight, and remove() takes marks away', async () => {
      const page = await painted();
      await page.run(() => (window as any).painter.add((window as any).marks.marks));
      expect(await page.run(registry)).toEqual({ 'gloss-person': [' Sharif', 'Masoud Pezeshkian', 'Shehbaz'], 'gloss-place': ['Tehran'] });
      await page.run(() => (window as any).painter.remove((window as any).marks.inOrder().slice(0, 1)));
      expect(await page.run(registry)).toEqual({ 'gloss-person': ['Masoud Pezeshkian'], 'gloss-place': ['Tehran'] });
    });

    it('show() replaces what was painted with new highlights, registered once each, never editing a registered one', async () => {
      const page = await painted();
      const seen = await page.run(() => {
        const { painter, marks } = window as any;
        const [shehbaz, masoud, tehran] = marks.inOrder();
        painter.add([shehbaz, tehran]);
        const oldPerson = CSS.highlights.get('gloss-person')!;
        const registered = () => new Set(CSS.highlights.values());
        const edits: string[] = [];
        const sets: string[] = [];
        const { add, delete: remove, clear } = Highlight.prototype;
        const spy = (name: string, original: (...args: any[]) => unknown) =>
          function (this: Highlight, ...args: unknown[]) {
            if (registered().has(this)) edits.push(name);
            return original.apply(this, args);
          };
        Highlight.prototype.add = spy('add', add) as never;
        Highlight.prototype.delete = spy('delete', remove) as never;
        Highlight.prototype.clear = spy('clear', clear) as never;
        const set = CSS.highlights.set;
        CSS.highlights.set = function (this: HighlightRegistry, name: string, highlight: Highlight) {
          sets.push(name);
          return set.call(this, name, highlight);
        } as never;
        painter.show([masoud]);
        Object.assign(Highlight.prototype, { add, delete: remove, clear });
        CSS.highlights.set = set;
        return { edits, sets: sets.sort(), oldPersonSize: oldPerson.size, replaced: CSS.highlights.get('gloss-person') !== oldPerson };
      });
      expect(seen).toEqual({ edits: [], sets: ['gloss-person', 'gloss-place'], oldPersonSize: 2, replaced: true });
      expect(await page.run(registry)).toEqual({ 'gloss-person': ['Masoud Pezeshkian'], 'gloss-place': [] });
      await page.run(() => (window as any).painter.show([]));
      expect(await page.run(registry)).toEqual({ 'gloss-person': [], 'gloss-place': [] });
    });

    it('paints the active mark above its kind, moves it, and clears it', async () => {
      const page = await painted();
      const seen = await page.run(() => {
        const { painter, marks } = window as any;
        const [shehbaz, masoud] = marks.inOrder();
        painter.add(marks.marks);
        const texts = () =>
          [...(CSS.highlights.get('gloss-active') as unknown as Set<AbstractRange>)].map((r) =>
            (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
          );
        painter.setActive(shehbaz);
        const first = texts();
        painter.setActive(masoud);
        const second = texts();
        const above = CSS.highlights.get('gloss-active')!.priority > CSS.highlights.get('gloss-person')!.priority;
        painter.setActive(null);
        return { first, second, above, none: texts() };
      });
      expect(seen).toEqual({ first: ['Shehbaz', ' Sharif'], second: ['Masoud Pezeshkian'], above: true, none: [] });
    });

    it('styles the marks inside an open shadow root with an adopted sheet, only there, and detach() takes every trace away', async () => {
      const page = await painted(
        `${TALKS}<div id="marked"></div><div id="unmarked"></div><script>
          const own = new CSSStyleSheet();
          own.replaceSync('p { color: teal }');
          const marked = document.getElementById('marked').attachShadow({ mode: 'open' });
          marked.innerHTML = '<p>Inside: Tehran.</p>';
          marked.adoptedStyleSheets = [own];
          document.getElementById('unmarked').attachShadow({ mode: 'open' }).innerHTML = '<p>Nothing here.</p>';
        </script>`,
      );
      const sheets = () =>
        page.run(() => {
          const rules = (root: Document | ShadowRoot) =>
            root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join(' '));
          return {
            document: rules(document),
            marked: rules(document.getElementById('marked')!.shadowRoot!),
            unmarked: rules(document.getElementById('unmarked')!.shadowRoot!),
          };
        });
      await page.run(() => (window as any).painter.add((window as any).marks.marks));
      const styled = await sheets();
      // Painting the same marks again adopts nothing more.
      await page.run(() => (window as any).painter.show((window as any).marks.marks));
      expect(await sheets()).toEqual(styled);
      expect(styled.document).toEqual([]);
      expect(styled.unmarked).toEqual([]);
      expect(styled.marked).toHaveLength(2);
      expect(styled.marked[0]).toContain('teal');
      expect(styled.marked[1]).toContain('::highlight(gloss-place)');
      expect(await page.run(registry)).toMatchObject({ 'gloss-place': ['Tehran', 'Tehran'] });

      await page.run(() => (window as any).painter.detach());
      expect(await page.run(registry)).toEqual({});
      expect((await sheets()).marked).toEqual([styled.marked[0]]);
    });
  });

  describe('hit-test', () => {
    it('finds the mark under a point of its text, on every line, and none beside it or on stale text', async () => {
      const page = await dom.open(
        `<p id="one" style="font-size:20px">Talks in <b>Islamabad</b> ended.</p>
         <p id="two" style="width:9em;font-size:20px">Attacks claimed by the Balochistan Liberation Army</p>
         <p id="three" style="font-size:20px">Tehran</p>`,
      );
      await page.run(markUp, [
        ['islamabad', 'place', 'Islamabad'],
        ['bla', 'group', 'Balochistan Liberation Army'],
        ['tehran', 'place', 'Tehran'],
      ]);
      const seen = await page.run(({ hitTest }) => {
        const marks = (window as any).marks;
        const at = (x: number, y: number) => hitTest.pieceAt(marks, x, y)?.mark.text ?? null;
        const boxes = (text: string) => {
          const mark = marks.inOrder().find((m: { text: string }) => m.text === text);
          return mark.pieces.flatMap((piece: never) => [...hitTest.rangeOf(piece).getClientRects()]) as DOMRect[];
        };
        const middle = (rect: DOMRect) => [rect.left + rect.width / 2, rect.top + rect.height / 2] as const;
        const bla = boxes('Balochistan Liberation Army');
        const [tehran] = boxes('Tehran');
        const ended = document.createRange();
        const tail = document.querySelector('#one b')!.nextSibling!;
        ended.setStart(tail, 1);
        ended.setEnd(tail, 6);
        const result = {
          islamabad: at(...middle(boxes('Islamabad')[0]!)),
          blaLines: bla.length,
          blaEachLine: bla.map((rect) => at(...middle(rect))),
          unmarkedWord: at(...middle(ended.getBoundingClientRect())),
          afterLineEnd: at(tehran!.right + 40, tehran!.top + tehran!.height / 2),
          justAfterName: at(boxes('Islamabad')[0]!.right + 1, middle(boxes('Islamabad')[0]!)[1]),
          stale: null as string | null,
        };
        const [x, y] = middle(tehran!);
        (document.getElementById('three')!.firstChild as Text).data = 'Teh';
        result.stale = at(x, y);
        return result;
      });
      expect(seen).toEqual({
        islamabad: 'Islamabad',
        blaLines: seen.blaLines,
        blaEachLine: Array(seen.blaLines).fill('Balochistan Liberation Army'),
        unmarkedWord: null,
        afterLineEnd: null,
        justAfterName: null,
        stale: null,
      });
      expect(seen.blaLines).toBeGreaterThan(1);
    });
  });
});
