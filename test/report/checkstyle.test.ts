// Checkstyle XML must be well-formed (fast-xml-parser's validator) and parse back into the
// findings: a <file> per flow file, an <error> per finding with its rule as `ivr-audit.RULE`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { formatCheckstyle } from '../../src/report/checkstyle.js';
import { HOSTILE, ROOT, cli, scratch } from './support.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['file', 'error'].includes(name),
  parseAttributeValue: false,
  // Decodes the character references (&#10;) a line break in an attribute is written as.
  htmlEntities: true,
});

interface Parsed {
  checkstyle: {
    version: string;
    file: Array<{ name: string; error?: Array<{ line: string; column: string; severity: string; message: string; source: string }> }>;
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

describe('checkstyle', () => {
  it('parses, with a file per flow file and an error per finding', async () => {
    const result = await audit([HOSTILE, 'examples/acme-support.yaml'], { cwd: ROOT });
    const { checkstyle } = parse(formatCheckstyle(result, { cwd: ROOT }));
    expect(checkstyle.version).toBe('4.3');
    expect(checkstyle.file.map((file) => file.name)).toEqual([HOSTILE, 'examples/acme-support.yaml']);
    const [hostile, clean] = checkstyle.file;
    expect(clean!.error).toBeUndefined();
    const findings = result.files[0]!.findings;
    expect(hostile!.error!.map((error) => [Number(error.line), Number(error.column), error.severity, error.message, error.source])).toEqual(
      findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message, `ivr-audit.${finding.ruleId}`]),
    );
  });

  it('round-trips markup, quotes and line breaks of a hostile flow', async () => {
    const result = await audit([HOSTILE], { cwd: ROOT });
    const { checkstyle } = parse(formatCheckstyle(result, { cwd: ROOT }));
    const unknown = checkstyle.file[0]!.error!.find((error) => error.source === 'ivr-audit.unknown-target')!;
    expect(unknown.message).toContain("<script>alert('target')</script>%0A,:|`]]>\nnext line");
  });

  it('stays well-formed when a file name or message holds characters XML forbids', async () => {
    const result = await audit([{ path: 'a&b<"\u0001>.yaml', text: 'version: 1\nnodes: [unclosed\n' }], { cwd: ROOT });
    const { checkstyle } = parse(formatCheckstyle(result, { cwd: ROOT }));
    expect(checkstyle.file[0]!.name).toBe('a&b<"\uFFFD>.yaml');
    expect(checkstyle.file[0]!.error![0]!.source).toBe('ivr-audit.yaml-syntax');
  });

  it('lists what a file leaves out as one info entry', async () => {
    const result = await audit(['fixtures/import/twilio/all-widgets.json'], { cwd: ROOT, noConfig: true });
    const { checkstyle } = parse(formatCheckstyle(result, { cwd: ROOT }));
    const notStated = checkstyle.file[0]!.error!.filter((error) => error.source === 'ivr-audit.not-stated');
    expect(notStated).toHaveLength(1);
    expect(notStated[0]).toMatchObject({ line: '1', severity: 'info' });
    expect(checkstyle.file[0]!.error).toHaveLength(result.files[0]!.findings.length + 1);
  });

  it('is what lint -f checkstyle prints, with paths relative to the working folder', () => {
    const folder = scratch({ 'typo.yaml': 'version: 1\nname: Typo\nentry: main\nnodes:\n  main:\n    type: menu\n    say: Press 1 for billing, 0 for a person.\n    options:\n      "1": billing\n      "0": person\n  person:\n    type: agent\n' });
    const run = cli(['lint', '.', '-f', 'checkstyle'], { cwd: folder });
    expect(run.status).toBe(1);
    const { checkstyle } = parse(run.stdout);
    expect(checkstyle.file.map((file) => file.name)).toEqual(['typo.yaml']);
    expect(checkstyle.file[0]!.error!.find((error) => error.source === 'ivr-audit.unknown-target')).toMatchObject({ line: '9', severity: 'error' });
  });
});
