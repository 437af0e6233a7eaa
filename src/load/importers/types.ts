// What an importer returns: the flow it could build, and the problems that kept it from reading the file.
import type { Flow, FlowKind, SourceLocation } from '../../model/flow.js';

/** The platforms whose exports are read. */
export type ImportFormat = 'connect' | 'twilio' | 'genesys';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['connect', 'twilio', 'genesys'];

/** A reason the file could not be read as an export: bad syntax, or a structure the platform never writes. */
export interface ImportProblem {
  ruleId: 'schema' | 'yaml-syntax';
  message: string;
  loc: SourceLocation;
}

/**
 * Something the importer read but could not map faithfully (a block type it does not know, an exit that
 * format v1 has no place for). Meant to be reported as an `info` finding at `loc`, never as an error.
 */
export interface ImportNote {
  message: string;
  loc: SourceLocation;
  /** Other places of the same cause (the message names them): one note, not one per place. */
  places?: SourceLocation[];
}

export interface ImportResult {
  format: ImportFormat;
  /** Absent when the file could not be read at all (see `problems`). */
  flow?: Flow;
  problems: ImportProblem[];
  /** Informational notes, e.g. "unknown action type X was read as a pass-through step". */
  notes?: ImportNote[];
  /** Set when the export is of the platform but no call flow (a messaging-only flow): the file is skipped, saying why. */
  skipped?: string;
  /** How other exports may name this one (its name, id, ARN), to link the files of a project. */
  aliases?: string[];
  /** The other flows this export names, and the part each plays for it. */
  references?: FlowReference[];
}

/**
 * Another flow an export names: `transfer` (the call moves on to it), `module` (it runs and comes back), or
 * the kind of flow a hook makes it (`queue-flow` for the customer queue flow, `whisper`, `hold`).
 */
export interface FlowReference {
  name: string;
  role: 'transfer' | 'module' | 'queue-flow' | 'whisper' | 'hold';
}

export interface ImportOptions {
  /**
   * Maps the name of another platform flow (a Connect `TransferToFlow` / `InvokeFlowModule` target, a Twilio
   * `run-subflow` flow) to a file path relative to the imported file. When it answers, the step becomes a
   * `subflow` of that file; otherwise it stays an external transfer or an opaque step. Importers never touch
   * the file system themselves.
   */
  resolveFlow?: (name: string) => string | undefined;
  /** The flow's kind as other exports of the project use it, for exports that do not state their own. */
  kind?: FlowKind;
}
