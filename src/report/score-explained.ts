// "How the score works": the report's reader is handed a number and a letter; this section says
// where they come from, in a few lines, and links to the whole model shipped with the tool.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Driver, Grade } from '../model/result.js';
import { ERROR_CEILING, gradeOf } from '../score/index.js';
import { DRIVERS } from '../score/effort.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { h, richText } from './html-text.js';
import { DRIVER_NAMES } from './text.js';

/** What each driver charges, as docs/scoring.md's table says it. */
export const DRIVER_MEANINGS: Readonly<Record<Driver, string>> = {
  waiting: 'rings before an answer, and seconds on hold',
  repeating: 'identity questions, and data asked for again',
  transfers: 'each time the caller is passed on (a cold transfer costs more than a warm one), approval steps',
  navigation: 'seconds of prompts, menus and answers, and each menu level',
  channel: 'being sent to another channel (a text, the web site)',
  deadEnds: 'calls that end unresolved, are dropped, or are trapped in a loop',
  generic: 'no journey cost: points taken for findings such as stock phrases',
};

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** The lowest score of each grade, read from the grading itself so the section cannot drift from it. */
export function gradeFloors(): Array<[Grade, number]> {
  return GRADES.map((grade) => {
    let floor = 0;
    while (floor < 100 && gradeOf(floor) !== grade) floor++;
    return [grade, floor];
  });
}

/** docs/scoring.md as installed with the tool (the package ships docs/; two folders up from src/report or dist/report). */
export function installedScoringDocs(): string | undefined {
  const path = fileURLToPath(new URL('../../docs/scoring.md', import.meta.url));
  return existsSync(path) ? pathToFileURL(path).href : undefined;
}

function gradeRows(): string {
  const floors = gradeFloors();
  return floors.map(([grade, floor], index) => {
    const above = index === 0 ? 100 : floors[index - 1]![1] - 1;
    const range = floor === 0 ? `below ${above + 1}` : index === 0 ? `${floor} or more` : `${floor}–${above}`;
    return `<tr><td class="num"><span class="score grade-${grade}">${grade}</span></td><td>${range}</td></tr>`;
  }).join('');
}

function driverRows(): string {
  return DRIVERS.map((driver) => `<tr><th scope="row">${h(DRIVER_NAMES[driver])}</th><td>${h(DRIVER_MEANINGS[driver])}</td></tr>`).join('');
}

/** The section, with a link to the scoring docs when they are installed beside the tool. */
export function scoreExplained(docsHref: string | undefined): string {
  const docs = docsHref === undefined
    ? `<code>docs/scoring.md</code> in the ${h(TOOL_NAME)} ${h(VERSION)} package`
    : `<a class="scoring-docs" href="${h(docsHref)}">docs/scoring.md</a> (shipped with ${h(TOOL_NAME)} ${h(VERSION)})`;
  return `<section class="explain" id="how-the-score-works">
<h2>How the score works</h2>
<p>Each flow scores from 0 to 100, where 100 means effortless for the caller. The tool follows every journey a caller can take through the flow (subflows included), charges each step in <em>effort points</em> (seconds listening, ringing and on hold, questions, transfers, calls that end with nothing), and blends the effort of the average caller (60%) with that of the worst journey (40%). The score is ${richText('`100 · e^(−effort ÷ 80)`')}, less up to 25 points for findings that are not journey costs (stock phrases, unreachable steps). A flow with any error scores at most ${ERROR_CEILING}.</p>
<div class="explain-tables">
<table class="grades"><thead><tr><th>Grade</th><th>Score</th></tr></thead><tbody>${gradeRows()}</tbody></table>
<table class="drivers-explained"><thead><tr><th>Driver</th><th>What costs points</th></tr></thead><tbody>${driverRows()}</tbody></table>
</div>
<p><strong>Where the points go</strong> splits the points a flow loses over these drivers. <strong>Fixes</strong> are measured, not estimated: each one is applied to the model of the flow, which is scored again. Their gains do not add up, since two fixes often remove the same cost; each fix shows the score with it and every fix above it applied.</p>
<p class="note">The whole model, with its weights and a worked example: ${docs}.</p>
</section>`;
}
