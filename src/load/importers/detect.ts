// Cheap detection of platform exports among the .json/.yaml/.yml files a lint run finds. It reads structure
// when the JSON parses and falls back to a few textual markers when placeholders keep it from parsing.
import { stripBom } from '../yaml.js';
import { field, isRecord } from './build.js';
import type { ImportFormat } from './types.js';

const CONNECT_VERSION = '2019-10-30';

/** The Architect flow types read: call flows, in-queue flows, common modules. */
const GENESYS_KEYS = ['inboundCall', 'inqueueCall', 'inQueueCall', 'commonModule'];

/** Which platform wrote this file; null for format v1 flows and for anything else. */
export function detectFormat(_file: string, text: string): ImportFormat | null {
  const body = stripBom(text);
  const first = body.trimStart()[0];
  if (first === '{') return detectJson(body);
  return detectYaml(body);
}

function detectJson(body: string): ImportFormat | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return detectByMarkers(body);
  }
  return detectData(data);
}

function isFormatV1(data: unknown): boolean {
  return field(data, 'version') === 1 && isRecord(field(data, 'nodes'));
}

function isConnect(data: unknown): boolean {
  const flowLanguage = field(data, 'Version') === CONNECT_VERSION
    && (Array.isArray(field(data, 'Actions')) || typeof field(data, 'StartAction') === 'string');
  const legacy = Array.isArray(field(data, 'modules')) && String(field(data, 'version')) === '1';
  return flowLanguage || legacy;
}

/**
 * Studio writes `states` and `initial_state` together; either with the other's shape wrong (states
 * not a list) is still a Studio export, and the importer says what is wrong with it.
 */
function isTwilio(data: unknown): boolean {
  const states = field(data, 'states');
  if (typeof field(data, 'initial_state') === 'string') return states !== undefined;
  return Array.isArray(states) && states.some((state) => field(state, 'type') === 'trigger');
}

/** Connect's wrappers keep the flow in `Content`, as an object or as a JSON string. */
function connectContent(holder: unknown): boolean {
  const content = field(holder, 'Content');
  if (isRecord(content)) return isConnect(content);
  if (typeof content !== 'string') return false;
  try {
    return isConnect(JSON.parse(content));
  } catch {
    return detectByMarkers(content) === 'connect';
  }
}

/** The API's `{ContactFlow: {Arn, Content}}`: a Connect export whatever its `Content` holds. */
function connectApiWrapper(data: unknown): boolean {
  return ['ContactFlow', 'ContactFlowModule'].some((key) => {
    const holder = field(data, key);
    return typeof field(holder, 'Content') === 'string' && /^arn:[^:]*:connect:/.test(String(field(holder, 'Arn')));
  });
}

function detectData(data: unknown): ImportFormat | null {
  if (isFormatV1(data)) return null;
  if (isConnect(data) || connectContent(data) || connectContent(field(data, 'ContactFlow')) || connectContent(field(data, 'ContactFlowModule'))) {
    return 'connect';
  }
  if (connectApiWrapper(data)) return 'connect';
  if (isTwilio(data) || isTwilio(field(data, 'definition'))) return 'twilio';
  if (GENESYS_KEYS.some((key) => isRecord(field(data, key)))) return 'genesys';
  return null;
}

/**
 * For JSON that does not parse (placeholders, or an export cut off mid-way): the keys each platform
 * always writes near the top, so that a truncated export is still read as one and its break reported.
 */
function detectByMarkers(body: string): ImportFormat | null {
  const quote = String.raw`\\?"`;
  const key = (name: string, value: string): RegExp => new RegExp(`${quote}${name}${quote}\\s*:\\s*${value}`);
  if (key('Version', `${quote}${CONNECT_VERSION}${quote}`).test(body) && (key('Actions', '\\[').test(body) || key('StartAction', quote).test(body))) {
    return 'connect';
  }
  // Legacy Connect: `version` comes after the modules, each of which has `branches` and `parameters`.
  if (key('modules', '\\[').test(body) && (key('version', `${quote}1${quote}`).test(body) || (key('branches', '\\[').test(body) && key('parameters', '\\[').test(body)))) {
    return 'connect';
  }
  // Twilio Studio: `initial_state` and `flags` come after the states, the first of which is the trigger;
  // the REST API puts them in `definition`.
  const twilioBeside: Array<[string, string]> = [['initial_state', quote], ['flags', '\\{'], ['type', `${quote}trigger${quote}`], ['definition', '\\{']];
  if (key('states', '\\[').test(body) && twilioBeside.some(([name, value]) => key(name, value).test(body))) {
    return 'twilio';
  }
  if (key('ContactFlow(?:Module)?', '\\{').test(body) && key('Arn', `${quote}arn:[^:"]*:connect:`).test(body)) return 'connect';
  return null;
}

function detectYaml(body: string): ImportFormat | null {
  if (/^version\s*:\s*1\s*(#.*)?$/m.test(body) && /^nodes\s*:/m.test(body)) return null;
  if (/^["']?(inboundCall|inqueueCall|inQueueCall|commonModule)["']?\s*:/m.test(body)) return 'genesys';
  return null;
}
