// The flexible checksums S3 accepts (x-amz-checksum-*), computed the way S3 does: big-endian digest
// bytes, base64. CRC32 from zlib; CRC32C and CRC64NVME by table.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC32C_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const CRC64_POLY = 0x9a6c9329ac4bc9b5n;
const MASK64 = 0xffffffffffffffffn;
const CRC64_TABLE = (() => {
  const t: bigint[] = [];
  for (let n = 0n; n < 256n; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1n ? CRC64_POLY ^ (c >> 1n) : c >> 1n;
    t.push(c);
  }
  return t;
})();

function crc64nvme(data: Uint8Array): bigint {
  let c = MASK64;
  for (const byte of data) c = CRC64_TABLE[Number((c ^ BigInt(byte)) & 0xffn)]! ^ (c >> 8n);
  return (c ^ MASK64) & MASK64;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Raw digest bytes for a checksum algorithm S3 names in `x-amz-checksum-<alg>`, or undefined if unsupported. */
export function digest(algorithm: string, data: Uint8Array): Buffer | undefined {
  switch (algorithm.toLowerCase()) {
    case 'crc32':
      return u32(crc32(data));
    case 'crc32c':
      return u32(crc32c(data));
    case 'crc64nvme': {
      const b = Buffer.alloc(8);
      b.writeBigUInt64BE(crc64nvme(data));
      return b;
    }
    case 'sha1':
      return createHash('sha1').update(data).digest();
    case 'sha256':
      return createHash('sha256').update(data).digest();
    case 'sha512':
      return createHash('sha512').update(data).digest();
    case 'md5':
      return createHash('md5').update(data).digest();
    default:
      return undefined;
  }
}

/** base64 checksum as sent in `x-amz-checksum-<alg>`, or undefined if the algorithm is not supported here. */
export function checksum(algorithm: string, data: Uint8Array): string | undefined {
  return digest(algorithm, data)?.toString('base64');
}

/** Name used in S3 error messages, e.g. `CRC32`, `SHA256`. */
export function algorithmLabel(algorithm: string): string {
  return algorithm.toUpperCase();
}
