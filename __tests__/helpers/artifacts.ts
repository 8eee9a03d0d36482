// An artifact's bytes for tests: the plan only hashes bundles (they stream at deploy), so tests that look
// inside one pack it here, in memory, with the same writer the deploy streams through.
import { packBytes, tarBytes } from '../../src/compile/tar.js';
import type { Artifact } from '../../src/compile/types.js';

/** The bytes the deploy uploads: gzip'd tar for a bundle, the bytes themselves otherwise. */
export function uploadedBytes(a: Artifact): Buffer {
  return a.source.type === 'bytes' ? Buffer.from(a.source.bytes) : packBytes(a.source.layout);
}

/** The content the address names: the uncompressed tar for a bundle. */
export function contentBytes(a: Artifact): Buffer {
  return a.source.type === 'bytes' ? Buffer.from(a.source.bytes) : tarBytes(a.source.layout);
}
