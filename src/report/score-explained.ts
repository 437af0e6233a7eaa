// "How the score works": the report's reader is handed a number and a letter; this section says
// where they come from, in a few lines, and links to the whole model shipped with the tool.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Lang } from '../i18n/index.js';
import { reportWords, type ReportWords } from '../i18n/report.js';
import type { Driver, Grade } from '../model/result.js';
import { ERROR_CEILING, gradeOf } from '../score/index.js';
import { DRIVERS } from '../score/effort.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { h, richText } from './html-text.js';
import { driverName } from './text.js';

/** What each driver charges, in the report's language, as docs/scoring.md's table says it. */
export function driverMeaning(driver: Driver, lang: Lang = 'en'): string {
  return reportWords(lang)(`explain.${driver}`);
}

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

function gradeRows(t: ReportWords): string {
  const floors = gradeFloors();
  return floors.map(([grade, floor], index) => {
    const above = index === 0 ? 100 : floors[index - 1]![1] - 1;
    const range = floor === 0 ? t('explain.grade-below', { top: above + 1 }) : index === 0 ? t('explain.grade-top', { floor }) : t('explain.grade-range', { floor, top: above });
    return `<tr><td class="num"><span class="score grade-${grade}">${grade}</span></td><td>${h(range)}</td></tr>`;
  }).join('');
}

function driverRows(lang: Lang, t: ReportWords): string {
  return DRIVERS.map((driver) => `<tr><th scope="row">${h(driverName(driver, lang))}</th><td>${h(driverMeaning(driver, lang))}</td></tr>`).join('');
}

/** The section, with a link to the scoring docs when they are installed beside the tool. */
export function scoreExplained(docsHref: string | undefined, lang: Lang = 'en'): string {
  const t = reportWords(lang);
  // The catalog's words hold no markup: HTML values (links, code, emphasis) are passed in escaped.
  const versioned = { tool: h(TOOL_NAME), version: h(VERSION) };
  const docs = docsHref === undefined
    ? t('explain.docs-file', { file: '<code>docs/scoring.md</code>', ...versioned })
    : t('explain.docs-link', { link: `<a class="scoring-docs" href="${h(docsHref)}">docs/scoring.md</a>`, ...versioned });
  const intro = t('explain.intro', { effortPoints: `<em>${h(t('explain.effort-points'))}</em>`, formula: richText(t('explain.formula')), ceiling: ERROR_CEILING });
  const drivers = t('explain.drivers', { wherePointsGo: `<strong>${h(t('flow.where-points-go'))}</strong>`, fixes: `<strong>${h(t('explain.fixes'))}</strong>` });
  return `<section class="explain" id="how-the-score-works">
<h2>${h(t('explain.heading'))}</h2>
<p>${intro}</p>
<div class="explain-tables">
<table class="grades"><thead><tr><th>${h(t('explain.col-grade'))}</th><th>${h(t('explain.col-score'))}</th></tr></thead><tbody>${gradeRows(t)}</tbody></table>
<table class="drivers-explained"><thead><tr><th>${h(t('explain.col-driver'))}</th><th>${h(t('explain.col-costs'))}</th></tr></thead><tbody>${driverRows(lang, t)}</tbody></table>
</div>
<p>${drivers}</p>
<p class="note">${t('explain.docs', { docs })}</p>
</section>`;
}
