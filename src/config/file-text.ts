// A config file's bytes to text, refusing what is not a UTF-8 text file with one positioned message: FIFOs and
// devices (never opened for a blocking read), files over the size cap (checked before reading, so a sparse
// multi-GiB file costs nothing), UTF-16/32, invalid UTF-8 (the first bad byte), NUL characters. CR-only line
// endings (old Mac files) are read as line breaks, so positions count lines as editors do.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { DiagnosticBag, Loc } from './diagnostics.js';

/** Largest config file we read: real ones are a few KiB; this keeps a stray data file from hanging the parser. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads `abs` (shown as `file`); undefined after reporting why it cannot be a config file. */
export function readConfigFile(abs: string, file: string, bag: DiagnosticBag): string | undefined {
  const start: Loc = { file, line: 1, col: 1 };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW is not used, since the finder has
    // already checked that the real path is inside the workspace.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    bag.error('unreadable-file', null, '', `cannot read ${file}: ${errorText(err)}`);
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      bag.error(
        'not-a-file',
        start,
        '',
        `${file} is not a regular file (a FIFO, socket or device); configs are files`,
      );
      return undefined;
    }
    if (st.size > MAX_CONFIG_BYTES) {
      bag.error(
        'file-too-large',
        start,
        '',
        `${file} is ${st.size} bytes: config files larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB are refused`,
      );
      return undefined;
    }
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return decodeConfigBytes(buf.subarray(0, n), file, bag);
  } catch (err) {
    bag.error('unreadable-file', null, '', `cannot read ${file}: ${errorText(err)}`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 text of `bytes`, or undefined after one positioned error saying what the file is instead. */
export function decodeConfigBytes(bytes: Uint8Array, file: string, bag: DiagnosticBag): string | undefined {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    bag.error(
      'not-utf8',
      { file, line: 1, col: 1 },
      '',
      `${file} is ${utf16}, not UTF-8: save it as UTF-8 (most editors: "Save with Encoding" → UTF-8)`,
    );
    return undefined;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    bag.error(
      'not-utf8',
      byteLoc(bytes, bad, file),
      '',
      `invalid UTF-8 at byte ${bad} (0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}): config files must be UTF-8 text; re-save it as UTF-8`,
    );
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    bag.error(
      'nul-character',
      byteLoc(bytes, nul, file),
      '',
      `a NUL character (\\x00) at byte ${nul}: config files are text; remove it (is this a binary file?)`,
    );
    return undefined;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // A BOM is fine (Windows editors write one); lone CRs are line breaks, as YAML itself says.
  return text.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n');
}

/** `UTF-16 (little-endian)` etc. when the bytes look like UTF-16 or UTF-32 (a BOM, or NULs beside ASCII). */
function utf16Kind(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32' : 'UTF-16 (little-endian)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  // Without a BOM: ASCII text in UTF-16 has a NUL in every other byte.
  if (b.length >= 4 && b.length % 2 === 0) {
    if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'UTF-16 (little-endian)';
    if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'UTF-16 (big-endian)';
  }
  return undefined;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or undefined. */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return undefined;
}

/** 1-based line and column (in characters) of byte `offset`; the bytes before it are valid UTF-8. */
function byteLoc(b: Uint8Array, offset: number, file: string): Loc {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = Buffer.from(b.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { file, line, col };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
