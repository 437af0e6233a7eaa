// Escaping for every output syntax. Flow files are user input: node ids, names, prompts and
// labels may hold markup, control characters or the delimiters of the format they end up in.

/**
 * What a terminal, CI log or browser would act on or hide instead of showing: C0 and C1 controls
 * (ESC sequences, BEL, CR, line breaks, tab), DEL, bidirectional overrides and marks, zero-width
 * and invisible formatting characters, line/paragraph separators, and lone surrogates.
 */
const UNSAFE_FOR_DISPLAY =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visibleEscape(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface VisibleOptions {
  /** Leave LF and CR as they are, for a format that encodes them itself (GitHub's `%0A`). */
  keepLineBreaks?: boolean;
}

/**
 * Text from a flow as a human format or stderr may print it: every character in
 * UNSAFE_FOR_DISPLAY becomes a visible escape (`\x1b`, `\n`, `\u202e`), so a flow can neither
 * drive the terminal nor hide or reorder what the reader sees. Backslashes stay as they are
 * (paths on Windows), so a flow that spells `\x1b` literally looks the same: the JSON output
 * has the exact text. Machine formats (JSON, SARIF) never call this.
 */
export function visible(text: string, options: VisibleOptions = {}): string {
  return text.replace(UNSAFE_FOR_DISPLAY, (char) => (options.keepLineBreaks && (char === '\n' || char === '\r') ? char : visibleEscape(char)));
}

/**
 * Characters XML 1.0 forbids even as character references (C0 controls other than tab, LF, CR;
 * lone surrogates; U+FFFE and U+FFFF). They cannot be escaped, only replaced.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces what XML 1.0 cannot carry with U+FFFD, so a parser never rejects the document. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/**
 * What JSON.stringify and XML escaping leave raw although a terminal or CI log would act on it or
 * hide it when the file is printed (DEL, C1 controls, bidi and zero-width characters, U+2028/9,
 * the BOM); C0 controls and lone surrogates are escaped or replaced by those already.
 */
const RAW_IN_MACHINE_FORMATS = /[\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

function hex(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * JSON text (JSON.stringify's output) with those characters written as `\uXXXX`: the parsed data
 * is the same, and printing the file shows them instead of obeying them. They only occur inside
 * strings, so replacing them anywhere is safe.
 */
export function escapeJsonOutput(json: string): string {
  return json.replace(RAW_IN_MACHINE_FORMATS, (char) => `\\u${hex(char)}`);
}

/** Text content of an XML or HTML element; the characters a log would act on as references. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(RAW_IN_MACHINE_FORMATS, (char) => `&#x${hex(char)};`);
}

/**
 * A double-quoted XML attribute value. Tab, CR and LF are written as references because
 * attribute normalization would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/**
 * HTML text or attribute value: the XML escaping (control characters are invalid in HTML too)
 * plus `'`, so a value stays safe even inside a single-quoted attribute.
 */
export function escapeHtml(text: string): string {
  return escapeXmlAttribute(text).replace(/'/g, '&#39;');
}

/**
 * Workflow command data (the message after `::`), as GitHub's toolkit escapes it; the other
 * characters a log would act on are made visible first, since the toolkit leaves them raw.
 */
export function escapeGithubData(text: string): string {
  return visible(text, { keepLineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values (`file=`, `title=`): data escaping plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Inline Markdown text: neutralizes HTML, code spans, emphasis, links and table pipes, and
 * keeps everything on one line so a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (char) => `\\${char}`);
}

/** One line of text: control characters and line breaks become spaces. */
export function oneLine(text: string): string {
    return text.replace(/[\u0000-\u001F\u007F]+/g, ' ');
}

/**
 * A Mermaid quoted label (`["..."]`, `|"..."|`). Mermaid reads `#name;` and `#code;` as entities,
 * so quotes, markup and `#` itself become numeric entity codes; controls become visible escapes.
 */
export function escapeMermaidLabel(text: string): string {
  return visible(text).replace(/[#"<>&`|[\]{}()]/g, (char) => `#${char.codePointAt(0)};`);
}

/**
 * A Graphviz DOT double-quoted label (an escString): backslashes and quotes escaped, line breaks
 * as `\n`. Graphviz's scanner reads the last `\` of `\\"` as escaping the closing quote, so a
 * text ending in a backslash gets a trailing space.
 */
export function escapeDotString(text: string): string {
  const normalized = stripInvalidXmlChars(text).replace(/\r\n?/g, '\n');
  const quoted = normalized.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  // What remains of the control characters (tabs) would only confuse a reader of the .dot file.
  const line = oneLine(quoted);
  return line.endsWith('\\') ? `${line} ` : line;
}

/** One line for stderr, `ivr-audit: message`, with the message made visible (it may quote a flow). */
export function stderrLine(message: string): string {
  return `ivr-audit: ${visible(message)}\n`;
}
