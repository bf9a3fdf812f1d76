/**
 * A 52-bit fingerprint of a file's content, so that the index can tell "the same bytes again" (a save
 * followed by the file watcher's event, a checkout that rewrote a file with the same content) from a
 * change without keeping every file's text. A string is fingerprinted as its UTF-8 bytes, so the
 * editor's text and the same file read from disk agree; a leading BOM does not count.
 */
const encoder = new TextEncoder();

export function fingerprint(content: string | Uint8Array): number {
  let bytes = typeof content === 'string' ? encoder.encode(content) : content;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  // Two independent 32-bit FNV-1a style hashes, combined with the length into one safe integer.
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return ((h1 >>> 0) % 0x100000) * 0x100000000 + (h2 >>> 0);
}
