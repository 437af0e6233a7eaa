// Inline text of the HTML report. Messages, fix titles and descriptions mark names and keys as
// Markdown code spans (`espera`, `context: true`): the report shows them as <code>, never the
// backticks. Everything else goes through the same escaping as the rest of the page.
import { escapeHtml, visible } from './escape.js';

/** Flow text as HTML text: control, bidi and zero-width characters made visible, then escaped. */
export const h = (text: string): string => escapeHtml(visible(text));

/**
 * Text with `code spans` as <code> elements. Backticks pair up left to right; a lone last one
 * (a flow's name may hold one) stays a literal character rather than swallowing the rest.
 */
export function richText(text: string): string {
  const parts = text.split('`');
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  let html = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (index >= paired) html += `\`${h(part)}`;
    else html += index % 2 === 1 ? `<code>${h(part)}</code>` : h(part);
  }
  return html;
}

/** A prompt as the flow writes it, in quotation marks (the rule messages may shorten or lowercase it). */
export function quotedPrompt(say: readonly string[]): string {
  return say.map((text) => `<q class="prompt">${h(text)}</q>`).join(' ');
}
