// A glob matcher that runs in time linear in the path: the pattern becomes a small automaton
// (Thompson's construction) simulated over all its states at once, so no pattern can make it
// backtrack. Regex-based matchers (picomatch) take minutes on `*a*a*a*a*a*b.yaml` against a
// long file name.
//
// Syntax: `*` (any run of characters but `/`), `**` as a whole segment (any number of
// segments), `?` (one character but `/`), `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}` (nesting
// allowed), `\` escapes the next character. Anything else, including an unclosed `[` or `{`,
// is literal.

/** Braces nested deeper than this are refused: the parser recurses once per level. */
export const MAX_BRACE_DEPTH = 32;

export class GlobError extends Error {}

type Item =
  | { kind: 'char'; test: (code: number) => boolean; code?: number }
  | { kind: 'star' }
  /** `**` as a whole segment: with `/` after it, `(anything/)?`; at the end after `/`, `(/anything)?`; alone, anything. */
  | { kind: 'globstar'; form: 'lead' | 'tail' | 'all' }
  | { kind: 'alt'; branches: Item[][] };

const SLASH = 0x2f;
const notSlash = (code: number): boolean => code !== SLASH;
const anyChar = (): boolean => true;

interface Parser {
  pattern: string;
  index: number;
  /** Indices of the `{`, `,` and `}` that make alternations; every other one is a character. */
  structural: ReadonlySet<number>;
}

/** Compiles a pattern; throws `GlobError` only for braces nested too deeply. */
export function compileGlob(pattern: string): (path: string) => boolean {
  const parser: Parser = { pattern, index: 0, structural: alternationMarks(pattern) };
  const items = parseSequence(parser);
  const automaton = buildAutomaton(items);
  return (path) => run(automaton, path);
}

/** Whether a command-line argument is a pattern rather than a plain path. */
export function isGlobPattern(text: string): boolean {
  return /(^|[^\\])[*?[{]/.test(text);
}

/**
 * One pass that pairs braces the way the parser reads the pattern (escapes and classes
 * skipped), so the parser never has to try a reading and start again: that would be
 * exponential in the nesting.
 */
function alternationMarks(pattern: string): Set<number> {
  const structural = new Set<number>();
  const open: Array<{ at: number; commas: number[] }> = [];
  let deepest = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (char === '[') index = classEnd(pattern, index) ?? index;
    else if (char === '{') open.push({ at: index, commas: [] });
    else if (char === ',' && open.length > 0) open[open.length - 1]!.commas.push(index);
    else if (char === '}' && open.length > 0) {
      const group = open.pop()!;
      if (group.commas.length === 0) continue;
      for (const at of [group.at, ...group.commas, index]) structural.add(at);
      deepest = Math.max(deepest, open.length + 1);
    }
  }
  if (deepest > MAX_BRACE_DEPTH) throw new GlobError(`braces are nested more than ${MAX_BRACE_DEPTH} deep`);
  return structural;
}

function parseSequence(parser: Parser): Item[] {
  const { pattern, structural } = parser;
  const items: Item[] = [];
  while (parser.index < pattern.length) {
    const char = pattern[parser.index]!;
    if ((char === ',' || char === '}') && structural.has(parser.index)) break;
    if (char === '\\' && parser.index + 1 < pattern.length) {
      parser.index++;
      items.push(literalAt(parser));
    } else if (char === '*') {
      items.push(parseStars(parser, items));
    } else if (char === '?') {
      items.push({ kind: 'char', test: notSlash });
      parser.index++;
    } else if (char === '[') {
      const end = classEnd(pattern, parser.index);
      if (end === undefined) items.push(literalAt(parser));
      else {
        items.push(classItem(pattern.slice(parser.index + 1, end)));
        parser.index = end + 1;
      }
    } else if (char === '{' && structural.has(parser.index)) {
      items.push(parseAlternation(parser));
    } else {
      items.push(literalAt(parser));
    }
  }
  return items;
}

/** The character at parser.index (a whole code point), as an item. */
function literalAt(parser: Parser): Item {
  const code = parser.pattern.codePointAt(parser.index)!;
  parser.index += code > 0xffff ? 2 : 1;
  return { kind: 'char', test: (other) => other === code, code };
}

function parseStars(parser: Parser, before: Item[]): Item {
  const { pattern } = parser;
  const start = parser.index;
  while (pattern[parser.index] === '*') parser.index++;
  const count = parser.index - start;
  const atSegmentStart = start === 0 || pattern[start - 1] === '/';
  const next = pattern[parser.index];
  const atSegmentEnd = next === undefined || next === '/';
  if (count < 2 || !atSegmentStart || !atSegmentEnd) return { kind: 'star' };
  // Globstars in a row are one: the earlier one (which took the slash after it) gives way.
  const last = before[before.length - 1];
  if (last?.kind === 'globstar' && last.form === 'lead') before.pop();
  if (next === '/') {
    parser.index++; // the slash belongs to the globstar: `**/x` matches `x` too
    return { kind: 'globstar', form: 'lead' };
  }
  const previous = before[before.length - 1];
  if (previous?.kind !== 'char' || previous.code !== SLASH) return { kind: 'globstar', form: 'all' };
  before.pop(); // the slash before a trailing `**`: `a/**` matches `a` too
  return { kind: 'globstar', form: 'tail' };
}

/** Index of the `]` closing the class that opens at `start`, or undefined when it is not closed. */
function classEnd(pattern: string, start: number): number | undefined {
  let index = start + 1;
  if (pattern[index] === '!' || pattern[index] === '^') index++;
  if (pattern[index] === ']') index++; // a `]` first in the class is a character
  while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
  return index < pattern.length ? index : undefined;
}

/** The item of a class's body (between the brackets). */
function classItem(body: string): Item {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = [...(negated ? body.slice(1) : body)];
  const ranges: Array<[number, number]> = [];
  for (let index = 0; index < chars.length; index++) {
    if (chars[index] === '\\' && index + 1 < chars.length) index++;
    const low = chars[index]!.codePointAt(0)!;
    if (chars[index + 1] === '-' && index + 2 < chars.length) {
      let highIndex = index + 2;
      if (chars[highIndex] === '\\' && highIndex + 1 < chars.length) highIndex++;
      const high = chars[highIndex]!.codePointAt(0)!;
      ranges.push([Math.min(low, high), Math.max(low, high)]);
      index = highIndex;
    } else ranges.push([low, low]);
  }
  const inRanges = (code: number): boolean => ranges.some(([low, high]) => code >= low && code <= high);
  return { kind: 'char', test: (code) => code !== SLASH && inRanges(code) !== negated };
}

/** `{a,b,...}` at parser.index, known to be closed and to hold a comma. */
function parseAlternation(parser: Parser): Item {
  parser.index++;
  const branches: Item[][] = [parseSequence(parser)];
  while (parser.pattern[parser.index] === ',') {
    parser.index++;
    branches.push(parseSequence(parser));
  }
  parser.index++; // the closing brace
  return { kind: 'alt', branches };
}

interface Automaton {
  /** Consuming moves: from each state, a character test and the state it leads to. */
  moves: Array<Array<{ test: (code: number) => boolean; to: number }>>;
  /** Moves that consume nothing. */
  empty: number[][];
  accept: number;
}

function buildAutomaton(items: Item[]): Automaton {
  const automaton: Automaton = { moves: [], empty: [], accept: 0 };
  const state = (): number => {
    automaton.moves.push([]);
    automaton.empty.push([]);
    return automaton.moves.length - 1;
  };
  const move = (from: number, test: (code: number) => boolean, to: number): void => {
    automaton.moves[from]!.push({ test, to });
  };
  const sequence = (sequenceItems: Item[], from: number): number => {
    let current = from;
    for (const item of sequenceItems) current = append(item, current);
    return current;
  };
  const append = (item: Item, from: number): number => {
    const to = state();
    switch (item.kind) {
      case 'char':
        move(from, item.test, to);
        return to;
      case 'star':
        automaton.empty[from]!.push(to);
        move(to, notSlash, to);
        return to;
      case 'globstar': {
        automaton.empty[from]!.push(to);
        if (item.form === 'all') {
          move(to, anyChar, to);
          return to;
        }
        const inside = state();
        if (item.form === 'lead') {
          // (anything/)?
          move(from, anyChar, inside);
          move(inside, anyChar, inside);
          move(from, (code) => code === SLASH, to);
          move(inside, (code) => code === SLASH, to);
        } else {
          // (/anything)?
          move(from, (code) => code === SLASH, inside);
          move(inside, anyChar, inside);
          automaton.empty[inside]!.push(to);
        }
        return to;
      }
      case 'alt':
        for (const branch of item.branches) {
          const branchStart = state();
          automaton.empty[from]!.push(branchStart);
          automaton.empty[sequence(branch, branchStart)]!.push(to);
        }
        return to;
    }
  };
  automaton.accept = sequence(items, state());
  return automaton;
}

/** Simulates every state at once: time is the path's length times the automaton's size. */
function run(automaton: Automaton, path: string): boolean {
  // One mark per state, stamped with the step that reached it, so no step allocates a set.
  const reachedAt = new Int32Array(automaton.moves.length).fill(-1);
  let step = 0;
  let current = closure(automaton, [0], reachedAt, step);
  for (const char of path) {
    const code = char.codePointAt(0)!;
    const targets: number[] = [];
    for (const from of current) {
      for (const { test, to } of automaton.moves[from]!) if (test(code)) targets.push(to);
    }
    if (targets.length === 0) return false;
    current = closure(automaton, targets, reachedAt, ++step);
  }
  return current.includes(automaton.accept);
}

function closure(automaton: Automaton, starts: number[], reachedAt: Int32Array, step: number): number[] {
  const states: number[] = [];
  const stack = [...starts];
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (reachedAt[state] === step) continue;
    reachedAt[state] = step;
    states.push(state);
    for (const next of automaton.empty[state]!) if (reachedAt[next] !== step) stack.push(next);
  }
  return states;
}
