/**
 * The character encoding a saved page is served with. The saved files lost the `Content-Type` header their sites
 * sent, and a browser's own guess (1,024 bytes of prescan, then its locale's default) reads some of them wrong: the
 * page's own declaration, wherever it is in the head, is the best witness of what the site sent.
 */

const decoderLabel = (label: string): string | null => {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
};

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** How far into the file a declaration is looked for: past long inline scripts and styles in the head. */
const HEAD_BYTES = 64 * 1024;

/**
 * A byte-order mark; else the first `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * (or an XML declaration's `encoding`) naming an encoding browsers know; else UTF-8 when the bytes are valid
 * UTF-8, else windows-1252 (what browsers fall back to for Western pages). Returns the WHATWG encoding name.
 */
export function pageCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const declared = [
    ...head.matchAll(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/gi),
    ...head.matchAll(/^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/gi),
  ];
  for (const match of declared) {
    const known = decoderLabel(match[1]!);
    // An ASCII-compatible declaration of UTF-16 can't be true; browsers read it as UTF-8 (HTML, "prescan").
    if (known) return known.startsWith('utf-16') ? 'utf-8' : known;
  }
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}
