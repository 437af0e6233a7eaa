// The loader's English in a report of another language, where a formatter quotes it inside text
// of its own (the loader's labels in a rule's message).
import type { Lang } from '../i18n/index.js';
import { loaderText } from '../i18n/loader.js';
import type { Flow } from '../model/flow.js';
import { isMachineId } from '../rules/names.js';

/**
 * A message names a step with a machine-made id by its label ("hours check"): an importer's label
 * is named in the report's language there too, as in the diagram.
 */
export function labelsIn(message: string, flow: Flow | undefined, lang: Lang): string {
  if (lang === 'en' || flow === undefined) return message;
  let text = message;
  for (const node of flow.nodes.values()) {
    if (node.label === undefined || !isMachineId(node.id)) continue;
    const shown = loaderText(lang, node.label, 'label', flow.format);
    if (shown !== node.label) text = text.split(node.label).join(shown);
  }
  return text;
}
