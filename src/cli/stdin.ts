// The flow text of `lint --stdin`: everything piped in, as UTF-8.
import type { Readable } from 'node:stream';

/** The name a flow read from stdin goes by when `--stdin-filename` does not give one (as ESLint's `<text>`). */
export const STDIN_NAME = '<stdin>';

export async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
