// The words the loader and the importers write for people: the facts an export does not state
// (the report's "not stated" list), the import notes, and the labels importers give the steps
// they make ("agent answers"). The loader writes them in English, the language every other output
// keeps; the report shows them in its own language by reading an English text back into its
// message and values (`loaderText`), then rendering that message in the report's language.
//
// Every English message here must be exactly what the loader writes (the Spanish report tests of
// the importers' fixtures fail when one drifts). Values are quoted from the export and stay as
// written; a value that is itself one of these texts (a fact counted "(2 queues)") is read back too.
import { defineCatalog, type Lang, type Messages } from './index.js';

const UNKNOWNS_EN = {
  'unknown.staffing': 'queue staffing (agents, calls per hour, handle time)',
  'unknown.flow-not-linted': 'flow `{name}` (not among the files linted)',
  'unknown.callback-promised': 'whether the call ends with a callback promised after `{from}`',
  'unknown.voicemail-promised': 'whether the call ends with a voicemail promised after `{from}`',
  'unknown.prompt-in-attributes': 'prompt text held in contact attributes',
  'unknown.recorded-prompts': 'content of recorded audio prompts',
  'unknown.input-limits': 'input time limits held in variables or placeholders',
  'unknown.connect-input': 'what the customer input is (Connect stores it unnamed)',
  'unknown.queue-timeout': 'how long callers wait in queue before a timeout',
  'unknown.queue-flow-connect': 'what the customer queue flow announces while callers wait',
  'unknown.queue-flow-genesys': 'what the in-queue flow announces while callers wait',
  'unknown.queue-flow-twilio': 'what the wait URL plays while callers wait',
  'unknown.queue-flow-tells': 'what the customer queue flow `{flow}` tells callers ({names}: held in attributes)',
  'unknown.which-queue-flow': 'which customer queue flow the queues play ({names})',
  'unknown.transfer-rings': 'how long transfers ring',
  'unknown.flow-transfers': 'where transfers to other flows lead',
  'unknown.flow-modules': 'what flow modules do',
  'unknown.common-modules': 'what common modules do',
  'unknown.hours-read': "which hours of operation an hours check reads (the queue's)",
  'unknown.menu-last-repeat': "what menus do after their last repeat without a valid choice (read as the flow's error handling)",
  'unknown.prompt-in-templates': 'prompt text held in variables or templates',
  'unknown.prompt-in-variables': 'prompt text held in variables',
  'unknown.prompt-liquid': 'prompt text that depends on Liquid variables',
  // A fact counted over many places: "how long transfers ring (2 transfers)".
  'unknown.counted': '{fact} ({count} {noun})',
  'noun.nodes': 'nodes',
  'noun.prompts': 'prompts',
  'noun.inputs': 'inputs',
  'noun.queues': 'queues',
  'noun.transfers': 'transfers',
  'noun.modules': 'modules',
  'noun.checks': 'checks',
} as const;

const UNKNOWNS_ES: Messages<keyof typeof UNKNOWNS_EN> = {
  'unknown.staffing': 'la dotación de las colas (agentes, llamadas por hora, tiempo de atención)',
  'unknown.flow-not-linted': 'el flujo `{name}` (no está entre los archivos revisados)',
  'unknown.callback-promised': 'si la llamada termina con la devolución de llamada prometida después de `{from}`',
  'unknown.voicemail-promised': 'si la llamada termina con el buzón de voz prometido después de `{from}`',
  'unknown.prompt-in-attributes': 'el texto de los mensajes guardado en atributos del contacto',
  'unknown.recorded-prompts': 'el contenido de los mensajes de audio grabados',
  'unknown.input-limits': 'los límites de tiempo de las entradas guardados en variables o marcadores',
  'unknown.connect-input': 'qué ingresa quien llama (Connect lo guarda sin nombre)',
  'unknown.queue-timeout': 'cuánto esperan en cola quienes llaman antes de que se agote el tiempo',
  'unknown.queue-flow-connect': 'qué anuncia el flujo de cola del cliente mientras quienes llaman esperan',
  'unknown.queue-flow-genesys': 'qué anuncia el flujo de espera en cola mientras quienes llaman esperan',
  'unknown.queue-flow-twilio': 'qué reproduce la URL de espera mientras quienes llaman esperan',
  'unknown.queue-flow-tells': 'qué dice a quienes llaman el flujo de cola del cliente `{flow}` ({names}: guardado en atributos)',
  'unknown.which-queue-flow': 'qué flujo de cola del cliente reproducen las colas ({names})',
  'unknown.transfer-rings': 'cuánto tiempo suenan las transferencias',
  'unknown.flow-transfers': 'adónde llevan las transferencias a otros flujos',
  'unknown.flow-modules': 'qué hacen los módulos de flujo',
  'unknown.common-modules': 'qué hacen los módulos comunes',
  'unknown.hours-read': 'qué horario de atención lee una verificación de horario (el de la cola)',
  'unknown.menu-last-repeat': 'qué hacen los menús después de su última repetición sin una opción válida (se lee como el manejo de errores del flujo)',
  'unknown.prompt-in-templates': 'el texto de los mensajes guardado en variables o plantillas',
  'unknown.prompt-in-variables': 'el texto de los mensajes guardado en variables',
  'unknown.prompt-liquid': 'el texto de los mensajes que depende de variables de Liquid',
  'unknown.counted': '{fact} ({count} {noun})',
  'noun.nodes': 'pasos',
  'noun.prompts': 'mensajes',
  'noun.inputs': 'entradas',
  'noun.queues': 'colas',
  'noun.transfers': 'transferencias',
  'noun.modules': 'módulos',
  'noun.checks': 'verificaciones',
};

const NOTES_EN = {
  'note.exit-left-out': 'the "{what}" exit of {type} `{id}` (to `{to}`) has no place in format v1 and is left out',
  'note.same-elsewhere-one': '{message}; the same at 1 more place: {places}',
  'note.same-elsewhere': '{message}; the same at {count} more places: {places}',
  'note.connect-unmapped': 'Amazon Connect action type "{type}" is not mapped; it is read as a step that passes the call on',
  'note.option-twice': 'option "{option}" of `{id}` is listed twice; the first one is kept',
  'note.exit-twice': '`{id}` lists its {kind} exit twice; the first one is kept',
  // The audit names a step with a machine-made id by its label ("Lex bot OrderBot"), in place of "menu `id`".
  'note.exit-left-out-named': 'the "{what}" exit of {step} (to {to}) has no place in format v1 and is left out',
  'note.speech-only-named': '{step} is a speech-only menu (intents {intents}): offer a keypad fallback ("or press 1 for {first}") for callers who cannot be understood',
  'note.speech-only': 'menu `{id}` is a speech-only menu (intents {intents}): offer a keypad fallback ("or press 1 for {first}") for callers who cannot be understood',
  'note.choice-twice': 'menu `{id}` has two choices on "{key}"; the first one is kept',
  'note.genesys-choice-unmapped': 'Architect menu choice type "{type}" is not mapped; it is read as the end of the call',
  'note.genesys-unmapped': 'Architect action type "{type}" is not mapped; it is read as a step that passes the call on',
  'note.trigger-no-call': 'trigger `{name}` has no `incomingCall` transition: calls end as soon as they reach this flow',
  'note.twilio-unmapped': 'Twilio Studio widget type "{type}" is not mapped; it is read as a step that passes the call on',
  // Places a note names: "menu `id`".
  'place.node': '{type} `{id}`',
  'type.play': 'play',
  'type.menu': 'menu',
  'type.input': 'input',
  'type.branch': 'branch',
  'type.transfer': 'transfer',
  'type.queue': 'queue',
  'type.agent': 'agent',
  'type.hours': 'hours',
  'type.hangup': 'hangup',
  'type.return': 'return',
  'type.subflow': 'subflow',
  'type.deflect': 'deflect',
  'type.notify': 'notify',
  'type.lookup': 'lookup',
  // The same types after "of" ("the exit of queue `q`"): Spanish contracts "de el" to "del".
  'of.play': 'of play',
  'of.menu': 'of menu',
  'of.input': 'of input',
  'of.branch': 'of branch',
  'of.transfer': 'of transfer',
  'of.queue': 'of queue',
  'of.agent': 'of agent',
  'of.hours': 'of hours',
  'of.hangup': 'of hangup',
  'of.return': 'of return',
  'of.subflow': 'of subflow',
  'of.deflect': 'of deflect',
  'of.notify': 'of notify',
  'of.lookup': 'of lookup',
} as const;

const NOTES_ES: Messages<keyof typeof NOTES_EN> = {
  'note.exit-left-out': 'la salida "{what}" {type} `{id}` (hacia `{to}`) no tiene lugar en el formato v1 y se omite',
  'note.same-elsewhere-one': '{message}; lo mismo en 1 lugar más: {places}',
  'note.same-elsewhere': '{message}; lo mismo en {count} lugares más: {places}',
  'note.connect-unmapped': 'el tipo de acción de Amazon Connect "{type}" no tiene equivalente; se lee como un paso que deja pasar la llamada',
  'note.option-twice': 'la opción "{option}" de `{id}` aparece dos veces; se conserva la primera',
  'note.exit-twice': '`{id}` indica dos veces su salida {kind}; se conserva la primera',
  'note.exit-left-out-named': 'la salida "{what}" de {step} (hacia {to}) no tiene lugar en el formato v1 y se omite',
  'note.speech-only-named': 'el menú {step} solo entiende la voz (intenciones {intents}): ofrezca también el teclado ("o pulse 1 para {first}") a quienes no se les entiende',
  'note.speech-only': 'el menú `{id}` solo entiende la voz (intenciones {intents}): ofrezca también el teclado ("o pulse 1 para {first}") a quienes no se les entiende',
  'note.choice-twice': 'el menú `{id}` tiene dos opciones en "{key}"; se conserva la primera',
  'note.genesys-choice-unmapped': 'el tipo de opción de menú de Architect "{type}" no tiene equivalente; se lee como el fin de la llamada',
  'note.genesys-unmapped': 'el tipo de acción de Architect "{type}" no tiene equivalente; se lee como un paso que deja pasar la llamada',
  'note.trigger-no-call': 'el disparador `{name}` no tiene transición `incomingCall`: las llamadas terminan en cuanto llegan a este flujo',
  'note.twilio-unmapped': 'el tipo de widget de Twilio Studio "{type}" no tiene equivalente; se lee como un paso que deja pasar la llamada',
  'place.node': '{type} `{id}`',
  'type.play': 'el anuncio',
  'type.menu': 'el menú',
  'type.input': 'la pregunta',
  'type.branch': 'la decisión',
  'type.transfer': 'la transferencia',
  'type.queue': 'la cola',
  'type.agent': 'el agente',
  'type.hours': 'el horario',
  'type.hangup': 'el cuelgue',
  'type.return': 'el retorno',
  'type.subflow': 'el subflujo',
  'type.deflect': 'el desvío',
  'type.notify': 'el aviso',
  'type.lookup': 'la consulta',
  'of.play': 'del anuncio',
  'of.menu': 'del menú',
  'of.input': 'de la pregunta',
  'of.branch': 'de la decisión',
  'of.transfer': 'de la transferencia',
  'of.queue': 'de la cola',
  'of.agent': 'del agente',
  'of.hours': 'del horario',
  'of.hangup': 'del cuelgue',
  'of.return': 'del retorno',
  'of.subflow': 'del subflujo',
  'of.deflect': 'del desvío',
  'of.notify': 'del aviso',
  'of.lookup': 'de la consulta',
};

/** Labels the importers give the steps they make, whatever the export. */
const LABELS_EN = {
  'label.end-of-call': 'end of call',
  'label.end-of-task': 'end of task',
  'label.back-to-caller': 'back to the calling flow',
  'label.keeps-waiting': 'caller keeps waiting',
  'label.agent-answers': 'agent answers',
  'label.third-party-answers': 'the third party answers',
  'label.answers': '{who} answers',
  'label.callers-choice': "{label} (the caller's choice)",
  'label.agents-staffed': 'agents staffed?',
  'label.open-now': 'open now?',
  'label.agent-on-call': 'agent on the call',
  'label.agent-on-call-state': 'agent on the call ({state})',
  'label.create-callback': 'create callback',
  'label.error-handling': 'flow error handling',
  'label.voicemail-left': 'voicemail left',
  'label.the-number-answers': 'the number answers',
  'label.no-incoming-call': '{name} (no incomingCall transition)',
  'label.subflow-of': '{name} (subflow {flow})',
  'label.flow-of': '{name} (flow {flow})',
  'label.http-request': '{name} (HTTP request)',
  'label.function': '{name} (Function)',
  'label.no-next': 'end of call ({event} has no next)',
  'label.data-action': 'data action',
  'label.data-action-of': 'data action {action}',
  'label.named-data-action': '{name} data action {action}',
} as const;

const LABELS_ES: Messages<keyof typeof LABELS_EN> = {
  'label.end-of-call': 'fin de la llamada',
  'label.end-of-task': 'fin de la tarea',
  'label.back-to-caller': 'vuelta al flujo que llamó',
  'label.keeps-waiting': 'quien llama sigue esperando',
  'label.agent-answers': 'contesta un agente',
  'label.third-party-answers': 'contesta el tercero',
  'label.answers': 'contesta {who}',
  'label.callers-choice': '{label} (por decisión de quien llama)',
  'label.agents-staffed': '¿hay agentes?',
  'label.open-now': '¿está abierto ahora?',
  'label.agent-on-call': 'agente en la llamada',
  'label.agent-on-call-state': 'agente en la llamada ({state})',
  'label.create-callback': 'crear devolución de llamada',
  'label.error-handling': 'manejo de errores del flujo',
  'label.voicemail-left': 'mensaje de voz dejado',
  'label.the-number-answers': 'contesta el número',
  'label.no-incoming-call': '{name} (sin transición incomingCall)',
  'label.subflow-of': '{name} (subflujo {flow})',
  'label.flow-of': '{name} (flujo {flow})',
  'label.http-request': '{name} (petición HTTP)',
  'label.function': '{name} (función)',
  'label.no-next': 'fin de la llamada ({event} no tiene siguiente paso)',
  'label.data-action': 'acción de datos',
  'label.data-action-of': 'acción de datos {action}',
  'label.named-data-action': '{name}: acción de datos {action}',
};

/**
 * Labels only the Connect importer makes (Connect blocks have no names of their own): the block's
 * kind, then what it names. Other importers label a step with the name its author gave it, which
 * stays as written.
 */
const CONNECT_LABELS_EN = {
  'connect.prompt': '{type} "{prompt}"',
  'connect.prompt-in': '{type} (prompt in {held})',
  'connect.ssml-in': '{type} (SSML prompt in {held})',
  'connect.recording': '{type} (recording)',
  'connect.recording-of': '{type} (recording {held})',
  'connect.lex-bot': 'Lex bot {name}',
  'connect.queue': 'queue {name}',
  'connect.set-queue': 'set queue {name}',
  'connect.flow': 'flow {name}',
  'connect.module': 'module {name}',
  'connect.transfer-to': 'transfer to {name}',
  'connect.hours-check': 'hours check {name}',
  'connect.staffing-check': 'staffing check {name}',
  'connect.check': 'check {name}',
  'connect.disconnect': 'disconnect',
  'connect.transfer-to-agent': 'transfer to agent',
  // The same blocks when the export names nothing.
  'connect.queue-unnamed': 'queue',
  'connect.set-queue-unnamed': 'set queue',
  'connect.flow-unnamed': 'flow',
  'connect.module-unnamed': 'module',
  'connect.lex-bot-unnamed': 'Lex bot',
  'connect.transfer-unnamed': 'transfer to',
  'connect.hours-check-unnamed': 'hours check',
  'connect.staffing-check-unnamed': 'staffing check',
  'connect.check-unnamed': 'check',
  // The words of an action's type, for the types a label names by their type alone.
  'connect.create-callback': 'create callback contact',
  'connect.set-attributes': 'set contact attributes',
  'connect.set-voice': 'set voice',
  'connect.set-logging': 'set logging behavior',
  'connect.set-recording': 'set recording behavior',
  'connect.set-working-queue': 'set working queue',
  'connect.set-queue-flow': 'set customer queue flow',
  'connect.loop': 'loop',
  'connect.end-flow': 'end flow execution',
  'connect.node-play': 'play',
  'connect.node-menu': 'menu',
  'connect.node-input': 'input',
} as const;

const CONNECT_LABELS_ES: Messages<keyof typeof CONNECT_LABELS_EN> = {
  'connect.prompt': '{type} "{prompt}"',
  'connect.prompt-in': '{type} (mensaje en {held})',
  'connect.ssml-in': '{type} (mensaje SSML en {held})',
  'connect.recording': '{type} (grabación)',
  'connect.recording-of': '{type} (grabación {held})',
  'connect.lex-bot': 'bot de Lex {name}',
  'connect.queue': 'cola {name}',
  'connect.set-queue': 'fijar la cola {name}',
  'connect.flow': 'flujo {name}',
  'connect.module': 'módulo {name}',
  'connect.transfer-to': 'transferir a {name}',
  'connect.hours-check': 'verificación de horario {name}',
  'connect.staffing-check': 'verificación de personal {name}',
  'connect.check': 'comprobación {name}',
  'connect.disconnect': 'colgar',
  'connect.transfer-to-agent': 'transferir a un agente',
  'connect.queue-unnamed': 'cola',
  'connect.set-queue-unnamed': 'fijar la cola',
  'connect.flow-unnamed': 'flujo',
  'connect.module-unnamed': 'módulo',
  'connect.lex-bot-unnamed': 'bot de Lex',
  'connect.transfer-unnamed': 'transferir',
  'connect.hours-check-unnamed': 'verificación de horario',
  'connect.staffing-check-unnamed': 'verificación de personal',
  'connect.check-unnamed': 'comprobación',
  'connect.create-callback': 'crear contacto de devolución de llamada',
  'connect.set-attributes': 'fijar atributos del contacto',
  'connect.set-voice': 'fijar la voz',
  'connect.set-logging': 'fijar el registro',
  'connect.set-recording': 'fijar la grabación',
  'connect.set-working-queue': 'fijar la cola de trabajo',
  'connect.set-queue-flow': 'fijar el flujo de cola del cliente',
  'connect.loop': 'bucle',
  'connect.end-flow': 'terminar la ejecución del flujo',
  'connect.node-play': 'anuncio',
  'connect.node-menu': 'menú',
  'connect.node-input': 'pregunta',
};

const LOADER_EN = { ...UNKNOWNS_EN, ...NOTES_EN, ...LABELS_EN, ...CONNECT_LABELS_EN };
export type LoaderKey = keyof typeof LOADER_EN;
const LOADER_ES: Messages<LoaderKey> = { ...UNKNOWNS_ES, ...NOTES_ES, ...LABELS_ES, ...CONNECT_LABELS_ES };

export const LOADER = defineCatalog<LoaderKey>('loader', { en: LOADER_EN, es: LOADER_ES });

/** Which values, read back, are texts of this catalog of their own, and of which kind. */
type Kind = 'unknown' | 'note' | 'place' | 'label' | 'connect-label';
const VALUE_KINDS: Readonly<Record<string, Kind | 'noun'>> = {
  fact: 'unknown',
  message: 'note',
  places: 'place',
  label: 'label',
  noun: 'noun',
};

interface Pattern {
  key: LoaderKey;
  names: string[];
  regex: RegExp;
}

const patterns = new Map<string, Pattern[]>();

/** Each message of one group as a pattern over its English text: its values become the groups. */
function patternsOf(prefixes: readonly string[]): Pattern[] {
  const cacheKey = prefixes.join('|');
  const known = patterns.get(cacheKey);
  if (known) return known;
  const made: Pattern[] = [];
  for (const key of Object.keys(LOADER_EN) as LoaderKey[]) {
    if (!prefixes.some((prefix) => key.startsWith(prefix))) continue;
    const names = [...LOADER_EN[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    // Rendered with markers in place of the values, so ICU quoting is read as ICU reads it.
    const marked = LOADER.message('en', key, Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])));
    const source = patternSource(marked.split(/\u0000(\w+)\u0000/));
    made.push({ key, names, regex: new RegExp(`^${source}$`, 's') });
  }
  // Messages with fewer values first: "agent answers" before "{who} answers".
  // A message for a step named by its label is tried last: it reads the others too, less well.
  const rank = (pattern: Pattern): number => pattern.names.length + (pattern.key.endsWith('-named') ? 10 : 0);
  made.sort((a, b) => rank(a) - rank(b));
  patterns.set(cacheKey, made);
  return made;
}

/**
 * A regular expression's source from a message's parts, literal and value names in turn. A count
 * is digits. A value the message quotes as code may have lost its backticks: the audit names a step
 * with a machine-made id by its label, unquoted ("after play (prompt in greeting)").
 */
function patternSource(parts: readonly string[]): string {
  return parts.map((part, index) => {
    if (index % 2 === 1) return part === 'count' ? '(\\d+)' : '(.+?)';
    let literal = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (index > 0 && literal.startsWith('`')) literal = `\`?${literal.slice(1)}`;
    if (index < parts.length - 1 && literal.endsWith('`')) literal = `${literal.slice(0, -1)}\`?`;
    return literal;
  }).join('');
}

/** Values that name a step: an importer's label when the audit put one in place of an id. */
const STEP_VALUES = new Set(['id', 'to', 'from', 'step']);

const PREFIXES: Readonly<Record<Kind, readonly string[]>> = {
  unknown: ['unknown.'],
  note: ['note.'],
  place: ['place.'],
  label: ['label.'],
  'connect-label': ['label.', 'connect.'],
};

/** A noun or node type written in English, as the same key's word in `lang`; undefined when it is none. */
function word(lang: Lang, group: 'noun' | 'type' | 'of' | 'connect.node', text: string): string | undefined {
  const key = `${group === 'connect.node' ? 'connect.node-' : `${group}.`}${text}`;
  return LOADER.has(key) ? LOADER.message(lang, key) : undefined;
}

function readBack(lang: Lang, text: string, kind: Kind, labels: Kind = 'label'): string {
  for (const { key, names, regex } of patternsOf(PREFIXES[kind])) {
    const match = regex.exec(text);
    if (!match) continue;
    const values: Record<string, string | undefined> = {};
    names.forEach((name, index) => {
      const value = match[index + 1]!;
      const of = VALUE_KINDS[name];
      if (key.startsWith('connect.') && name === 'type') values[name] = word(lang, 'connect.node', value);
      else if (key === 'note.exit-left-out' && name === 'type') values[name] = word(lang, 'of', value);
      else if (key === 'place.node' && name === 'type') values[name] = word(lang, 'type', value);
      else if (of === 'noun') values[name] = word(lang, of, value);
      else if (of === 'place') values[name] = value.split(', ').map((place) => placeBack(lang, place, labels)).join(', ');
      else if (of === 'label') values[name] = readBack(lang, value, labels);
      else if (of !== undefined) values[name] = readBack(lang, value, of, labels);
      else if (STEP_VALUES.has(name) && labels === 'connect-label') values[name] = readBack(lang, value, labels);
      else values[name] = value;
    });
    // A type or noun that is none of ours: the text is not this message.
    if (Object.values(values).some((value) => value === undefined)) continue;
    return LOADER.message(lang, key, values as Record<string, string>);
  }
  return text;
}

/** A place a note names: "menu `id`", or the label the audit put in its place. */
function placeBack(lang: Lang, place: string, labels: Kind): string {
  const read = readBack(lang, place, 'place', labels);
  return read !== place ? read : readBack(lang, place, labels);
}

/** The loader's English for one of its messages: what it writes, for every output but the report. */
export function loaderEnglish(key: LoaderKey, values?: Readonly<Record<string, string>>): string {
  return LOADER.message('en', key, values);
}

/**
 * A text the loader wrote in English, in `lang`: a fact not stated, an import note or a step's
 * label (of an imported flow: `format` says which importer). Text that is none of these (a name
 * the flow's author wrote) comes back as it is.
 */
export function loaderText(lang: Lang, text: string, kind: 'unknown' | 'note' | 'label', format?: string): string {
  // A flow written in format v1 has no importer: its labels are its author's.
  if (lang === 'en' || (kind === 'label' && (format === undefined || format === 'ivr-audit'))) return text;
  const labels: Kind = format === 'connect' ? 'connect-label' : 'label';
  return readBack(lang, text, kind === 'label' ? labels : kind, labels);
}
