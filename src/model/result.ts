import type { Lang } from '../i18n/index.js';
import type { Flow, FlowFormat, FlowKind } from './flow.js';
import type { Finding } from './finding.js';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** The effort drivers of The Effortless Experience, as the score breaks them down. */
export type Driver = 'waiting' | 'repeating' | 'transfers' | 'navigation' | 'channel' | 'deadEnds' | 'generic';

export interface Score {
  /** 0-100, 100 = effortless. */
  value: number;
  grade: Grade;
  /** Score points lost to each driver; they add up to 100 - value (before rounding). */
  drivers: Record<Driver, number>;
}

/** A count along the worst journey: a number, or 'unbounded' when a cycle adds to it. */
export type WorstCount = number | 'unbounded';

export interface JourneyMetrics {
  /** Fastest time from the first ring to a person, in seconds; null when no person is reachable. */
  fastestSecondsToHuman: number | null;
  /** Expected seconds a caller spends in the flow (Markov model); null when unknown. */
  expectedSecondsInFlow: number | null;
  worstIdentityQuestions: WorstCount;
  worstTransfers: WorstCount;
  /** Share of callers (0-1) who end without a person or help promised. */
  shareWithoutHelp: number;
}

/**
 * `fix`: the file then says what it means (a misspelt target, a limit, retries), nothing changes
 * for callers or about the platform; `suggestion`: a change callers would notice or a claim about
 * the platform (`callback`, `context`, ...). `--fix` applies fixes; suggestions need `--fix-type`.
 */
export type FixType = 'fix' | 'suggestion';

export interface Fix {
  /** What kind of change it is; see `FixType`. */
  type: FixType;
  title: string;
  description: string;
  ruleIds: string[];
  nodeIds: string[];
  /** Fingerprints of the findings it resolves. */
  resolves: string[];
  /** Score with the fix applied minus today's score. */
  gain: number;
  /** Effort points the fix saves, before the score's curve, clamp and penalty cap (what fixes are ranked by; always > 0). */
  effortSaved: number;
  /** Expected seconds in the flow the fix saves (negative when it adds time, e.g. a person instead of a hang-up). */
  secondsSaved: number;
  /** Share of callers (0–1) whose journey passes a step the fix changes. */
  callersHelped: number;
  /** The score with this fix and every fix ranked above it applied. */
  cumulativeScore: number;
  /** For a mechanical fix: the keys `--fix` sets in the file (JSON pointer and value). */
  edits?: Array<{ pointer: string; value: string | number | boolean }>;
}

/** One step of a journey drawn as a timeline. */
export interface TimelineStep {
  /** Journey id (node id, prefixed inside subflows), named for people. */
  id: string;
  type: string;
  /** Seconds the step takes: prompt, answer, rings, expected hold. */
  seconds: number;
  /** Of which ringing before someone answers. */
  ringSeconds: number;
  /** Of which on hold (the expected wait). */
  holdSeconds: number;
  /** The step asks who the caller is. */
  identityQuestion: boolean;
  /** The step passes the caller to someone else. */
  transfer: boolean;
  /** A person takes the call here. */
  person: boolean;
  /** Share (0–1) of the callers at this step who give up or are dropped here. */
  giveUp: number;
  /** Part of the step's time is not known: its seconds are a lower bound. */
  unknownTime: boolean;
}

/** How a drawn journey ends. */
export type TimelineEnd = 'person' | 'help' | 'resolved' | 'unresolved' | 'gives-up' | 'loops';

export interface Timeline {
  steps: TimelineStep[];
  /** Seconds of ringing before the system answers. */
  answerSeconds: number;
  /** Seconds from the first ring to the end of the last step. */
  totalSeconds: number;
  end: TimelineEnd;
  /** Share (0–1) of callers who take exactly this journey, when the chain says (the most common one). */
  share?: number;
  /** Steps past the drawn ones, when the journey is longer than a timeline shows. */
  stepsLeftOut?: number;
}

/** The journeys a report draws: the one the score counts as worst, and the one most callers take. */
export interface FlowTimelines {
  worst: Timeline;
  common: Timeline;
}

export interface FileResult {
  file: string;
  /** Absent when the file could not be read as a flow. */
  /** `kind`: what the flow is for (`flow`, `queue-flow`, `module`...: format.md, Flow kinds). */
  flow?: { name: string; format: FlowFormat; kind: FlowKind; nodes: number };
  score: Score | null;
  metrics: JourneyMetrics | null;
  findings: Finding[];
  fixes: Fix[];
  /** Facts the source did not state, so rules that need them stayed quiet. */
  unknowns: string[];
  /** `scoring.minScore` of the config that applies to this file, if any. */
  minScore?: number;
  /** The worst and most common journeys, step by step; only when asked for (`timelines: true`, the HTML report). */
  timelines?: FlowTimelines;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** A file that is not a call flow (some other YAML or JSON), skipped with a note. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface AuditResult {
  files: FileResult[];
  summary: Summary;
  /** The language of summaries (--lang, else the environment's), when not English; not part of the JSON output. */
  lang?: Lang;
  /**
   * The language of the HTML and Markdown reports, when not English: the one all files speak,
   * else `lang` (see `reportLang`); not part of the JSON output.
   */
  reportLang?: Lang;
  skipped?: SkippedFile[];
  /**
   * Absolute paths of every file the run read (flows, subflows, config files), so that no output
   * is written over one; not part of the JSON output.
   */
  read?: readonly string[];
  /** The model of each audited flow by file, for diagrams; not part of the JSON output. */
  flows?: ReadonlyMap<string, Flow>;
}
