// Human names for Amazon Connect actions, whose identifiers are UUIDs. A name says what the block is
// and does, from the export's own words: its prompt, the Lambda, queue or flow it names, the value
// it checks. docs/importers.md, "Names".
import type { NodeType } from '../../model/flow.js';

/** What a label is made from: the action's type and parameters, and what the mapping read of it. */
export interface LabelSource {
  type: string;
  /** Parameter values by name, as written. */
  params: ReadonlyMap<string, unknown>;
  /** The model type the action became (a GetParticipantInput is a menu or an input). */
  nodeType: NodeType;
  /** The prompt as text, when the export writes it. */
  say: readonly string[];
  /** Names the console keeps in the action's Metadata (the flow or queue it points at). */
  metadataName?: string;
  /** The Lex bot's name, when the console keeps it. */
  botName?: string;
}

const PROMPT_CHARS = 40;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A short readable name: `menu "For billing press 1…"`, `queue Billing`, `Lambda checkBalance`. */
export function connectLabel(source: LabelSource): string {
  const { type, nodeType } = source;
  const named = (key: string): string | undefined => source.metadataName ?? referenceName(source.params.get(key));
  const titled = (word: string, name: string | undefined): string => (name === undefined ? word : `${word} ${name}`);
  switch (type) {
    case 'MessageParticipant':
    case 'MessageParticipantIteratively':
    case 'GetParticipantInput':
      return promptLabel(nodeType, source);
    case 'ConnectParticipantWithLexBot':
      return titled('Lex bot', source.botName ?? referenceName(lexBotName(source.params)) ?? promptText(source.say));
    case 'InvokeLambdaFunction':
      return titled('Lambda', named('LambdaFunctionARN'));
    case 'InvokeExternalResource':
      return titled('Lambda', named('FunctionArn') ?? named('LambdaFunctionARN'));
    case 'TransferContactToQueue':
      return titled('queue', source.metadataName);
    case 'UpdateContactTargetQueue':
      return titled('set queue', named('QueueId'));
    case 'TransferToFlow':
      return titled('flow', named('ContactFlowId'));
    case 'InvokeFlowModule':
      return titled('module', named('FlowModuleId'));
    case 'TransferParticipantToThirdParty':
      return titled('transfer to', referenceName(source.params.get('ThirdPartyPhoneNumber')));
    case 'CheckHoursOfOperation':
      return titled('hours check', named('HoursOfOperationId'));
    case 'CheckStaffing':
      return titled('staffing check', named('QueueId'));
    case 'Compare':
      return titled('check', referenceName(source.params.get('ComparisonValue')));
    case 'DisconnectParticipant':
      return 'disconnect';
    case 'TransferContactToAgent':
      return 'transfer to agent';
    default:
      return typeWords(type);
  }
}

/** `menu "For billing press 1…"`, or where the prompt is held elsewhere, `menu (prompt in offerMessage)`. */
function promptLabel(nodeType: NodeType, source: LabelSource): string {
  const spoken = promptText(source.say);
  if (spoken !== undefined) return `${nodeType} ${spoken}`;
  for (const [key, what] of [['Text', 'prompt'], ['SSML', 'SSML prompt']] as const) {
    const held = referenceName(source.params.get(key));
    if (held !== undefined) return `${nodeType} (${what} in ${held})`;
  }
  if (source.params.has('PromptId') || source.params.has('Media')) {
    const held = referenceName(source.params.get('PromptId'));
    return held === undefined ? `${nodeType} (recording)` : `${nodeType} (recording ${held})`;
  }
  return nodeType;
}

/** The first prompt, quoted and cut at a word near 40 characters. */
function promptText(say: readonly string[]): string | undefined {
  const first = say.map((text) => text.replace(/\s+/g, ' ').trim()).find((text) => text !== '' && !text.startsWith('$.'));
  if (first === undefined) return undefined;
  if (first.length <= PROMPT_CHARS) return `"${first}"`;
  const cut = first.slice(0, PROMPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `"${(space > PROMPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…"`;
}

function lexBotName(params: ReadonlyMap<string, unknown>): unknown {
  const v2 = params.get('LexV2Bot');
  if (typeof v2 === 'object' && v2 !== null && 'AliasArn' in v2) return (v2 as { AliasArn: unknown }).AliasArn;
  return params.get('LexBot') ?? params.get('BotName');
}

/**
 * The name inside a reference: `{{lambdaFunctions.checkBalance.arn}}`, `${F:name:F}`,
 * `$.FlowAttributes.sales`, an ARN's last part. Undefined when all there is is a UUID.
 */
export function referenceName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw === '') return undefined;
  const patterns = [
    /\{\{\s*[A-Za-z]+\.([^.}\s]+)/,
    /\$\{[A-Z]:([^:}]+):[A-Z]\}/,
    /^\$\.(?:[A-Za-z]+\.)*?(?:FlowAttributes|Attributes|External|Queue|Lex\.[A-Za-z]+)\.(.+)$/,
    /^\$\.(.+)$/,
    /:function:([^:/]+)/,
    /\/([^/]+)$/,
  ];
  let name = raw;
  for (const pattern of patterns) {
    const match = pattern.exec(raw);
    if (match?.[1]) {
      name = match[1];
      break;
    }
  }
  return UUID.test(name) ? undefined : name;
}

/** `UpdateFlowLoggingBehavior` → "set flow logging behavior". */
function typeWords(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.startsWith('update ') ? `set ${words.slice('update '.length)}` : words;
}
