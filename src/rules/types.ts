import type { Facts } from '../analysis/facts.js';
import type { Report, Severity } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import type { Driver } from '../model/result.js';

export type RuleCategory = 'structure' | 'effort';

export type OptionValue = number | string[];

export interface RuleOption {
  name: string;
  type: 'integer' | 'number' | 'string[]';
  default: OptionValue;
  description: string;
  /** Smallest accepted value for numbers. */
  minimum?: number;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line, shown in the catalog and in SARIF. */
  description: string;
  /** A short paragraph for `ivr-audit rules ID` and SARIF help. */
  details: string;
  options: RuleOption[];
  /** The effort driver its findings weigh on in the score. */
  driver: Driver;
  /**
   * 'journey': the problem is a cost in the journey model already (a ring, a transfer, a dead end).
   * 'penalty': it is not, so each finding subtracts a small fixed amount (a cliché, a broken link).
   */
  scoring: 'journey' | 'penalty';
  /** Cannot be turned off or given another severity (internal-error: it is about the tool, not the flow). */
  alwaysOn?: true;
}

export interface RuleContext {
  flow: Flow;
  facts: Facts;
  /** Options with defaults filled in. */
  options: Readonly<Record<string, OptionValue>>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Absent for the loader's rules (yaml-syntax, schema...), whose findings come from reading the file. */
  check?(context: RuleContext): void;
}

/** Reads a numeric option; the registry guarantees defaults are present. */
export function numberOption(context: RuleContext, name: string): number {
  return context.options[name] as number;
}
