// Files that are not UTF-8 text: a UTF-16 or UTF-32 byte-order mark is named, a NUL is reported
// where it is (the YAML reader's finding, for JSON flows too). Both are findings on the file
// (exit 1), never "the flow must be a mapping".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from '../cli-run.js';

const FLOW = 'version: 1\nname: Tiny\nentry: hello\nnodes:\n  hello:\n    type: agent\n';

interface JsonFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
}

function lintJson(folder: string, name: string): { status: number | null; findings: JsonFinding[]; stderr: string } {
  const run = runCli(['lint', name, '-f', 'json'], { cwd: folder });
  const parsed = JSON.parse(run.stdout) as { files: Array<{ findings: JsonFinding[] }> };
  return { status: run.status, findings: parsed.files[0]!.findings, stderr: run.stderr };
}

function utf16be(text: string): Buffer {
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.alloc(little.length);
  for (let index = 0; index < little.length; index += 2) {
    big[index] = little[index + 1]!;
    big[index + 1] = little[index]!;
  }
  return big;
}

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((char) => char.codePointAt(0)!);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => (littleEndian ? bytes.writeUInt32LE(point, index * 4) : bytes.writeUInt32BE(point, index * 4)));
  return bytes;
}

const ENCODED: Record<string, Buffer> = {
  'UTF-16LE': Buffer.from(`\uFEFF${FLOW}`, 'utf16le'),
  'UTF-16BE': utf16be(`\uFEFF${FLOW}`),
  'UTF-32LE': utf32(`\uFEFF${FLOW}`, true),
  'UTF-32BE': utf32(`\uFEFF${FLOW}`, false),
};

describe('flows saved in an encoding other than UTF-8', () => {
  it.each(Object.keys(ENCODED))('%s with a byte-order mark is one finding naming the encoding', (encoding) => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'flow.yaml'), ENCODED[encoding]!);
    const { status, findings } = lintJson(folder, 'flow.yaml');
    expect(status).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'schema', line: 1, column: 1 });
    expect(findings[0]!.message).toContain(`the file is ${encoding} (`);
    expect(findings[0]!.message).toContain('save it as UTF-8');
  });

  it('a UTF-8 byte-order mark is still read', () => {
    const folder = scratchFolder({ 'flow.yaml': `\uFEFF${FLOW}` });
    const { status, findings } = lintJson(folder, 'flow.yaml');
    expect(findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
    expect(status).toBe(0);
  });

  it('graph names the encoding in its one stderr line', () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'flow.yaml'), ENCODED['UTF-16LE']!);
    const run = runCli(['graph', 'flow.yaml'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: cannot read .*flow\.yaml: the file is UTF-16LE \(UTF-16, little-endian, by its byte-order mark\)/);
  });
});

describe('NUL bytes in a UTF-8 file', () => {
  it('are one yaml-syntax finding at the first NUL', () => {
    const folder = scratchFolder({ 'flow.yaml': FLOW.replace('type: agent', 'type: ag\u0000ent # \u0000') });
    const { status, findings } = lintJson(folder, 'flow.yaml');
    expect(status).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 6, column: 13 })]);
    expect(findings[0]!.message).toContain('NUL');
  });

  it('in a JSON flow are reported too, not skipped as "not a call flow"', () => {
    const folder = scratchFolder({ 'flow.json': '{"version": 1, "name": "x\u0000", "entry": "a", "nodes": {"a": {"type": "agent"}}}' });
    const { status, findings } = lintJson(folder, 'flow.json');
    expect(status).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, column: 26 })]);
  });

  it('UTF-16 without a byte-order mark is caught by its NULs', () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'flow.yaml'), Buffer.from(FLOW, 'utf16le'));
    const { status, findings } = lintJson(folder, 'flow.yaml');
    expect(status).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, column: 2 })]);
  });
});
