// Template placeholders in platform exports: `{{contactFlows.x.arn}}`, `${REGION}`, Liquid `{{widgets.x}}`
// and `{% case %}`. Inside quoted strings they are harmless text. Written bare, they break the parse (an
// unquoted `tts: {{ivr_failure}}` reads as a nested YAML mapping, `"timeout": ${T}` is not JSON). Such bare
// placeholders are replaced, before parsing, by a token of exactly the same length, so every line and column
// the parser reports is still right for the original file; the parsed strings then get the original text back.

/** One placeholder written outside quotes, and the token that stood for it during parsing. */
export interface Fill {
  offset: number;
  original: string;
  token: string;
}

export interface FilledText {
  /** The text with bare placeholders replaced; same length and same line breaks as the input. */
  text: string;
  fills: Fill[];
}

/** Placeholder syntaxes, tried at one position. None of them spans lines. */
const PLACEHOLDER_AT = /\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\$\{[^}\n]*\}/y;

/** A whole value that is only a reference to data held elsewhere: a template or a Connect attribute path. */
const OPAQUE_VALUE = /^\s*(?:\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\$\{[^}\n]*\}|\$\.[A-Za-z0-9_.[\]'"-]+)\s*$/;

const ANY_PLACEHOLDER = /\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\$\{[^}\n]*\}/;

/** True when the value is nothing but a placeholder or attribute reference: its real text is not in the file. */
export function isOpaqueValue(value: string): boolean {
  return OPAQUE_VALUE.test(value);
}

/** True when the value contains a placeholder somewhere (e.g. Liquid inside a prompt). */
export function hasPlaceholder(value: string): boolean {
  return ANY_PLACEHOLDER.test(value);
}

/**
 * A plain-scalar-safe token of the same length: every character that YAML or JSON could read as syntax
 * becomes `_`, so `{{ivr_failure}}` stands as `__ivr_failure__` and `${REGION}` as `__REGION_`.
 */
function tokenFor(original: string): string {
  return original.replace(/[^A-Za-z0-9_.-]/g, '_');
}

type Mode = 'plain' | 'double' | 'single' | 'comment';

/** Characters after which a quote opens a quoted scalar (YAML) or a string (JSON). */
const QUOTE_OPENERS = new Set([':', '-', '?', ',', '[', '{']);

const BLOCK_SCALAR_HEADER = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Replaces the placeholders written outside quoted strings, comments and block scalars.
 *
 * This is a light scanner, not a parser: it knows just enough YAML (quotes only open a scalar at its start,
 * `#` only starts a comment after a blank, `|`/`>` open an indented block) to leave quoted text alone.
 * JSON is read by the same rules, since every JSON string starts after one of `{ [ , :`.
 */
export function fillPlaceholders(text: string): FilledText {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('${')) return { text, fills: [] };
  const fills: Fill[] = [];
  let out = '';
  let mode: Mode = 'plain';
  let lineIndent = 0;
  let atLineStart = true;
  let lastSignificant = ''; // last non-blank character of the current line, outside quotes
  let blockIndent = -1; // >= 0 while inside a block scalar opened on a line of this indentation
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (atLineStart) {
      const lineEnd = text.indexOf('\n', i);
      const line = text.slice(i, lineEnd < 0 ? text.length : lineEnd);
      const indent = line.length - line.trimStart().length;
      if (blockIndent >= 0 && mode === 'plain') {
        if (line.trim() === '' || indent > blockIndent) {
          // Inside a block scalar: copy the whole line untouched; its line break is read as usual.
          out += line;
          i += line.length;
          atLineStart = false;
          continue;
        }
        blockIndent = -1;
      }
      lineIndent = indent;
      atLineStart = false;
      if (mode === 'plain' || mode === 'comment') lastSignificant = '';
    }
    if (ch === '\n') {
      if (mode === 'comment') mode = 'plain';
      out += ch;
      i += 1;
      atLineStart = true;
      continue;
    }
    if (mode === 'comment') {
      out += ch;
      i += 1;
      continue;
    }
    if (mode === 'double') {
      if (ch === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
        out += ch + text[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') mode = 'plain';
      out += ch;
      i += 1;
      continue;
    }
    if (mode === 'single') {
      if (ch === "'" && text[i + 1] === "'") {
        out += "''";
        i += 2;
        continue;
      }
      if (ch === "'") mode = 'plain';
      out += ch;
      i += 1;
      continue;
    }
    // Plain text.
    if ((ch === '"' || ch === "'") && (lastSignificant === '' || QUOTE_OPENERS.has(lastSignificant))) {
      mode = ch === '"' ? 'double' : 'single';
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      mode = 'comment';
      out += ch;
      i += 1;
      continue;
    }
    if ((ch === '|' || ch === '>') && (lastSignificant === '' || lastSignificant === ':' || lastSignificant === '-')) {
      const lineEnd = text.indexOf('\n', i);
      const rest = text.slice(i, lineEnd < 0 ? text.length : lineEnd);
      if (BLOCK_SCALAR_HEADER.test(rest)) blockIndent = lineIndent;
    }
    if (ch === '{' || ch === '$') {
      PLACEHOLDER_AT.lastIndex = i;
      const match = PLACEHOLDER_AT.exec(text);
      if (match) {
        const original = match[0];
        const token = tokenFor(original);
        fills.push({ offset: i, original, token });
        out += token;
        i += original.length;
        lastSignificant = token[token.length - 1]!;
        continue;
      }
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') lastSignificant = ch;
    out += ch;
    i += 1;
  }
  return { text: out, fills };
}

/** Puts the original placeholder text back into a string read from the filled text. */
export function restorePlaceholders(value: string, fills: readonly Fill[]): string {
  let result = value;
  for (const fill of fills) {
    if (result.includes(fill.token)) result = result.split(fill.token).join(fill.original);
  }
  return result;
}

/**
 * Restores placeholders in every string of parsed data, in place. Iterative: exports can nest deeply.
 * Only strings are touched; keys keep their parsed form (placeholders are never keys in real exports).
 */
export function restoreInData(data: unknown, fills: readonly Fill[]): unknown {
  if (fills.length === 0) return data;
  if (typeof data === 'string') return restorePlaceholders(data, fills);
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        if (typeof item === 'string') current[index] = restorePlaceholders(item, fills);
        else if (item !== null && typeof item === 'object') stack.push(item);
      });
    } else if (current !== null && typeof current === 'object') {
      const record = current as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (typeof item === 'string') {
          // defineProperty, not assignment: a `__proto__` key must stay a plain data property.
          Object.defineProperty(record, key, { value: restorePlaceholders(item, fills), writable: true, enumerable: true, configurable: true });
        } else if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return data;
}
