/** The harness tests' own pages (in-memory routes), with words that are not names Gloss knows, so nothing is marked there. */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="margin:0;font:20px/1.5 sans-serif">${body}</body></html>`;

export const ROUTES: Record<string, string> = {
  '/plain.html': page(
    'Plain',
    `<p id="first">alpha beta gamma</p>
     <div id="host"></div>
     <p id="last">delta omega</p>
     <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p id="inner">shadow words</p>';</script>`,
  ),
  '/hover.html': page(
    'Hover',
    `<p id="a">The word marker appears here.</p>
     <p id="b">Again the word <em id="em">marker</em> appears.</p>
     <div id="host"></div>
     <div style="height: 2500px"></div>
     <p id="far">A far <span id="farspan">marker</span> below.</p>
     <script>
       window.events = [];
       document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>In shadow: <b id="sb">marker</b></p>';
       for (const type of ['pointermove', 'mouseover']) {
         document.addEventListener(type, (event) => {
           const target = event.composedPath()[0];
           events.push({ type, target: target.id || target.localName, x: event.clientX, y: event.clientY, trusted: event.isTrusted });
         }, true);
       }
     </script>`,
  ),
  '/dialog.html': page(
    'Dialog',
    `<p>Page text.</p>
     <button id="light">Light button</button>
     <button id="pad" style="display: inline-flex; align-items: flex-start; height: 80px; width: 160px"><span>Padded</span></button>
     <x-card id="card"></x-card>
     <script>
       window.clicks = [];
       window.keys = [];
       const root = document.getElementById('card').attachShadow({ mode: 'open' });
       root.innerHTML =
         '<div role="dialog" aria-label="Hidden card" hidden>never shown</div>' +
         '<div role="dialog" aria-label="Test card"><h2 id="title">Labelled title</h2>' +
         '<p>Body   text of the card.</p><button aria-label="Close card">×</button></div>';
       document.addEventListener('click', (event) => {
         const target = event.composedPath()[0];
         clicks.push({ target: target.getAttribute('aria-label') || target.id || target.localName, trusted: event.isTrusted });
       }, true);
       document.addEventListener('keydown', (event) => keys.push({ key: event.key, trusted: event.isTrusted }), true);
     </script>`,
  ),
  '/serialize.html': page(
    'Serialize',
    `<p id="keep">kept text</p>
     <gloss-x id="g1"><span>SECRET-1</span></gloss-x>
     <div id="wrap"><gloss-card>SECRET-2</gloss-card></div>
     <my-gloss-x>not ours</my-gloss-x>`,
  ),
  '/tab-a.html': page('Tab A', '<p>first tab</p>'),
  '/tab-b.html': page('Tab B', '<p>second tab</p>'),
  '/moved.html': page('Moved', '<p>moved here</p>'),
  '/log.html': page(
    'Log',
    `<p>logging</p><script>console.error('harness says no'); setTimeout(() => { throw new Error('harness threw'); }, 0);</script>`,
  ),
};
