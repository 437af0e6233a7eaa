// Escaping for every output syntax. Flow files are user input: node ids, names, prompts and
// labels may hold markup, control characters or the delimiters of the format they end up in.

/**
 * Characters XML 1.0 forbids even as character references (C0 controls other than tab, LF, CR;
 * lone surrogates; U+FFFE and U+FFFF). They cannot be escaped, only replaced.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces what XML 1.0 cannot carry with U+FFFD, so a parser never rejects the document. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/** Text content of an XML or HTML element. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A double-quoted XML attribute value. Tab, CR and LF are written as references because
 * attribute normalization would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * HTML text or attribute value: the XML escaping (control characters are invalid in HTML too)
 * plus `'`, so a value stays safe even inside a single-quoted attribute.
 */
export function escapeHtml(text: string): string {
  return escapeXmlAttribute(text).replace(/'/g, '&#39;');
}

/** Workflow command data (the message after `::`), as GitHub's toolkit escapes it. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
  return stripInvalidXmlChars(text)
    .replace(/\r\n?|\n/g, ' ')
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
 * so quotes, markup and `#` itself become numeric entity codes; line breaks become spaces.
 */
export function escapeMermaidLabel(text: string): string {
  return oneLine(stripInvalidXmlChars(text)).replace(/[#"<>&`|[\]{}()]/g, (char) => `#${char.codePointAt(0)};`);
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
