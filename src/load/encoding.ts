// What a flow file's bytes are, before they are read as text. Flows are UTF-8; a file saved as
// UTF-16 or UTF-32 (Windows editors offer it as "Unicode") would decode to noise, so its encoding
// is named instead. (A NUL byte, as in UTF-16 without a mark, is the YAML reader's finding.)

/** Byte-order marks of the encodings this tool does not read, longest first (UTF-32 LE starts like UTF-16 LE). */
const UNSUPPORTED_BOMS: ReadonlyArray<{ encoding: string; description: string; bytes: readonly number[] }> = [
  { encoding: 'UTF-32LE', description: 'UTF-32, little-endian', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'UTF-32BE', description: 'UTF-32, big-endian', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'UTF-16LE', description: 'UTF-16, little-endian', bytes: [0xff, 0xfe] },
  { encoding: 'UTF-16BE', description: 'UTF-16, big-endian', bytes: [0xfe, 0xff] },
];

/**
 * Why the bytes cannot be read as a UTF-8 flow, judged by their byte-order mark; undefined when
 * they can. The message names the encoding and what to do.
 */
export function unsupportedEncoding(bytes: Uint8Array): string | undefined {
  const match = UNSUPPORTED_BOMS.find(({ bytes: bom }) => bom.length <= bytes.length && bom.every((byte, index) => bytes[index] === byte));
  if (!match) return undefined;
  return `the file is ${match.encoding} (${match.description}, by its byte-order mark); flows are read as UTF-8 only: save it as UTF-8`;
}
