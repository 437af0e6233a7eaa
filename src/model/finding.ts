import type { Msg } from '../i18n/index.js';
import type { SourceLocation } from './flow.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** Another place with the same root cause as a finding (one cold transfer reached four ways). */
export interface Place extends SourceLocation {
  nodeId?: string;
  /** The node's readable name, when its id is machine-made. */
  label?: string;
}

/** One problem found in one flow, at one place (and its other places when one cause shows in several). */
/** What the score reads of a finding: which rule, and how severe. */
export type ScoredFinding = Pick<Finding, 'ruleId' | 'severity'>;

/** A finding as a fix measured in place reads it: also the nodes it is about. */
export type PlacedFinding = Pick<Finding, 'ruleId' | 'severity' | 'nodeId' | 'places' | 'inside'>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** In the audit's language. */
  message: string;
  /** The catalog key of `message` (`ring-limit.answer-rings`), when it comes from the catalog. */
  messageId?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the offending key or value. */
  pointer: string;
  /** The node the finding is about, when there is one. */
  nodeId?: string;
  /** Readable name of `nodeId` when the id is machine-made (a Connect UUID): what human output shows. */
  label?: string;
  /** Node ids of the journey that shows the problem (path rules). */
  path?: string[];
  /** Readable names of `path`, step by step, when some step's id is machine-made. */
  pathLabels?: string[];
  /** Other places that explain the finding. */
  related?: SourceLocation[];
  /** The other places where the same root cause shows: reported once, here, not once per place. */
  places?: Place[];
  /** For a finding about a step inside a subflow, reported at the call site: the step's journey id (`verify/ask-pin`). */
  inside?: string;
  /** What the finding is about, as values (e.g. `{ key: '5' }`, `{ queue: 'sales' }`): fixes read these, never the message. */
  data?: Readonly<Record<string, string>>;
  /** Stable across unrelated edits: rule, file, node or pointer, and a key of the problem. */
  fingerprint: string;
  /** Link to the rule's documentation. */
  docs: string;
}

/** What a rule reports; the engine adds severity, file, fingerprint and docs. */
export interface Report {
  /** A catalog message, rendered by the engine in the audit's language (text: a loader's, as written). */
  message: string | Msg;
  loc: SourceLocation;
  nodeId?: string;
  path?: string[];
  related?: SourceLocation[];
  /** Distinguishes two findings of one rule at one place (defaults to the message, in English). */
  key?: string;
  /**
   * The root cause, when several places can show one: reports of a rule with the same cause become
   * one finding (the first), listing the others as its `places`.
   */
  cause?: string;
  /** Short name of this report's place, for the merged message ("menu `main`"). */
  placeName?: string | Msg;
  /** Other places of the same flaw (set by a rule, or by the engine when it merges reports of one cause). */
  places?: Place[];
  /** A step inside a subflow the finding is about (its journey id); the report is at the call site. */
  inside?: string;
  /** What the finding is about, as values, for fixes and tools (copied to the finding). */
  data?: Readonly<Record<string, string>>;
  /** Raise to `error` whatever the configured severity (e.g. a queue load beyond the model). */
  escalate?: boolean;
}
