// Entry point of the importers: detect the platform (or take the one forced) and read the export.
import { importConnect } from './connect.js';
import { detectFormat } from './detect.js';
import { importGenesys } from './genesys.js';
import { importTwilio } from './twilio.js';
import type { ImportFormat, ImportOptions, ImportResult } from './types.js';

export type { FlowReference, ImportFormat, ImportNote, ImportOptions, ImportProblem, ImportResult } from './types.js';
export { IMPORT_FORMATS } from './types.js';
export { detectFormat } from './detect.js';
export { importConnect } from './connect.js';
export { importTwilio } from './twilio.js';
export { importGenesys } from './genesys.js';
export { flowToYaml } from './to-yaml.js';
export { fillPlaceholders, hasPlaceholder, isOpaqueValue } from './placeholders.js';
export { sanitizeId } from './build.js';

/**
 * Reads a platform export into the flow model. Returns null when the file is not an export this tool reads
 * and no format was forced (format v1 files included: the core loader reads those).
 */
export function importFlow(file: string, text: string, format?: ImportFormat, options: ImportOptions = {}): ImportResult | null {
  const chosen = format ?? detectFormat(file, text);
  switch (chosen) {
    case 'connect':
      return importConnect(file, text, options);
    case 'twilio':
      return importTwilio(file, text, options);
    case 'genesys':
      return importGenesys(file, text, options);
    default:
      return null;
  }
}
