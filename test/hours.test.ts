// Issue 11, item 2: business hours. Schedules are checked where they are written, callers split
// by the share of calls out of hours, and after hours nobody answers a daytime queue.
import { describe, expect, it } from 'vitest';
import { weeklyClosedShare } from '../src/analysis/hours.js';
import { openIntervals, parseOpening } from '../src/load/schedule.js';
import type { Schedule } from '../src/model/flow.js';
import { auditText } from './helpers.js';

function line(schedule: string[], nodes: string[] = [], staffing: string[] = []): string {
  return [
    'version: 1',
    'name: Pharmacy',
    'entry: check-hours',
    ...(staffing.length > 0 ? ['queues:', '  counter:', ...staffing.map((text) => `    ${text}`)] : []),
    'schedules:',
    '  pharmacy:',
    ...schedule.map((text) => `    ${text}`),
    'nodes:',
    '  check-hours:',
    '    type: hours',
    '    schedule: pharmacy',
    '    open: counter-queue',
    '    closed: counter-queue',
    '  counter-queue:',
    '    type: queue',
    '    queue: counter',
    '    maxWaitSeconds: 120',
    '    music: true',
    '    next: pharmacist',
    '    onTimeout: voicemail',
    '  pharmacist:',
    '    type: agent',
    '  voicemail:',
    '    type: hangup',
    '    outcome: voicemail',
    ...nodes,
  ].join('\n');
}

const WEEKDAYS = ['timezone: Europe/Madrid', 'open: ["mon-fri 09:00-21:00"]'];
const STAFFING = ['agents: 4', 'callsPerHour: 30', 'ahtSeconds: 240'];

async function schemaMessages(text: string): Promise<Array<[number, string]>> {
  const result = await auditText(text);
  return result.findings.filter((finding) => finding.ruleId === 'schema').map((finding) => [finding.line, finding.message]);
}

describe('schedules', () => {
  it('reads openings into minutes of the week, merging overlaps', () => {
    expect(parseOpening('mon-fri 08:00-18:00')).toHaveLength(5);
    expect(parseOpening('sat-mon 10:00-12:00')).toEqual([[600, 720], [5 * 1440 + 600, 5 * 1440 + 720], [6 * 1440 + 600, 6 * 1440 + 720]]);
    expect(openIntervals(['mon 09:00-13:00', 'mon 12:00-18:00', 'tue 00:00-24:00'])).toEqual([[540, 1080], [1440, 2880]]);
  });

  it('accepts a valid schedule', async () => {
    expect(await schemaMessages(line([...WEEKDAYS, 'holidays: ["12-25", "2027-01-06"]'], [], STAFFING))).toEqual([]);
  });

  it('reports a time zone that is not an IANA name, at its value, with a suggestion', async () => {
    const messages = await schemaMessages(line(['timezone: Europe/Madird', 'open: ["mon-fri 09:00-21:00"]'], [], STAFFING));
    expect(messages).toHaveLength(1);
    expect(messages[0]![0]).toBe(11);
    expect(messages[0]![1]).toContain('"Europe/Madird" is not an IANA time zone name');
    expect(messages[0]![1]).toContain('did you mean "Europe/Madrid"?');
  });

  it('reports bad days, times and dates, each at its entry', async () => {
    const messages = await schemaMessages(line([
      'timezone: America/New_York',
      'open:',
      '  - "mon-fry 09:00-17:00"',
      '  - "sat 9-13"',
      '  - "sun 18:00-10:00"',
      '  - "tue 08:00-25:00"',
      'holidays: ["2026-02-30", "christmas"]',
    ], [], STAFFING));
    expect(messages.map(([at]) => at)).toEqual([13, 14, 15, 16, 17, 17]);
    expect(messages[0]![1]).toContain('"fry" is not a day');
    expect(messages[0]![1]).toContain('did you mean "fri"?');
    expect(messages[1]![1]).toContain('"9" is not a time of day');
    expect(messages[2]![1]).toContain('closes before it opens');
    expect(messages[3]![1]).toContain('"25:00" is not a time of day');
    expect(messages.slice(4).map(([, message]) => message)).toEqual([
      'holiday 1 of schedule `pharmacy`: "2026-02-30" is not a date in the calendar',
      'holiday 2 of schedule `pharmacy`: "christmas" is not a date: use YYYY-MM-DD, or MM-DD for every year',
    ]);
  });

  it('names an hours node whose schedule is not defined (unknown-target)', async () => {
    const result = await auditText(line(WEEKDAYS, [], STAFFING).replace('schedule: pharmacy', 'schedule: pharmcy'));
    const finding = result.findings.find((item) => item.ruleId === 'unknown-target');
    expect(finding?.message).toBe('hours `check-hours` names schedule `pharmcy`, which is not under `schedules`; did you mean `pharmacy`?');
    expect(finding?.line).toBe(16);
  });

  it('estimates the share of calls out of hours from the open hours', () => {
    const schedule = (open: string[]): Schedule => ({
      id: 's', timezone: 'UTC', openMinutes: openIntervals(open), holidays: [], loc: { file: '', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    // 50 open hours, 118 closed at a tenth of the rate: 11.8 / 61.8.
    expect(weeklyClosedShare(schedule(['mon-fri 08:00-18:00']))).toBeCloseTo(11.8 / 61.8, 6);
    expect(weeklyClosedShare(schedule(['mon-sun 00:00-24:00']))).toBe(0);
  });
});

describe('journeys after hours', () => {
  it('cannot reach a queue staffed for open hours only', async () => {
    const nightQueue = ['  night-queue:', '    type: queue', '    queue: counter', '    maxWaitSeconds: 120', '    music: true', '    next: pharmacist', '    onTimeout: voicemail'];
    const atNight = (staffing: string[]): string => line(WEEKDAYS, nightQueue, staffing).replace('    closed: counter-queue', '    closed: night-queue');
    const daytime = await auditText(atNight(STAFFING));
    const staffedAtNight = await auditText(atNight([...STAFFING, 'afterHoursAgents: 2']));
    // Closed callers wait out the 120 s and leave a message instead of reaching the pharmacist.
    expect(daytime.score!.drivers.waiting).toBeGreaterThan(staffedAtNight.score!.drivers.waiting);
    expect(daytime.score!.value).toBeLessThan(staffedAtNight.score!.value);
  });

  it('are dropped at a daytime queue with no other exit', async () => {
    const text = line(WEEKDAYS, ['  night-queue:', '    type: queue', '    queue: counter', '    next: pharmacist'], STAFFING)
      .replace('    closed: counter-queue', '    closed: night-queue');
    const result = await auditText(text);
    expect(result.metrics!.shareWithoutHelp).toBeGreaterThan(0.1);
  });

  it('weigh by the share of calls out of hours: more closed hours, lower score', async () => {
    const ending = ['  closed-bye:', '    type: hangup', '    say: We are closed. We open Monday at 9 a.m.'];
    const closedToBye = (open: string): string =>
      line(['timezone: Europe/Madrid', `open: ["${open}"]`], ending, STAFFING).replace('    closed: counter-queue', '    closed: closed-bye');
    const long = await auditText(closedToBye('mon-sat 07:00-23:00'));
    const short = await auditText(closedToBye('mon-fri 10:00-14:00'));
    expect(short.score!.value).toBeLessThan(long.score!.value);
    const stated = await auditText(closedToBye('mon-sat 07:00-23:00').replace('    open: ["mon-sat', '    closedShare: 0.5\n    open: ["mon-sat'));
    expect(stated.score!.value).toBeLessThan(long.score!.value);
  });

  it('leave the announced-hours hang-up to no rule and the bare one to after-hours-dead-end, not dead-end', async () => {
    const bare = line(WEEKDAYS, ['  closed-bye:', '    type: hangup', '    say: We are closed. Goodbye.'], STAFFING).replace('    closed: counter-queue', '    closed: closed-bye');
    const ids = (await auditText(bare)).findings.map((finding) => finding.ruleId);
    expect(ids).toContain('after-hours-dead-end');
    expect(ids).not.toContain('dead-end');
  });
});
