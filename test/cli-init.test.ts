// `init` in an empty folder: the example flow's schema comment resolves there, and every commented
// example of the starter config is valid once uncommented.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/validate.js';
import { ROOT } from './helpers.js';
import { runCli, scratchFolder } from './cli-run.js';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas/callflow.schema.json'), 'utf8')) as { $id: string };

function schemaComment(flowPath: string): string {
  const match = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(flowPath, 'utf8'));
  expect(match, 'the schema comment').not.toBeNull();
  return match![1]!;
}

/** Whole-line comments that are YAML (`# key: value`, `# - item`), as opposed to prose. */
function commentedExamples(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (/^\s*# (?:[\w"'*.-][^:\s]*: \S.*|- \S.*)$/.test(line) ? [index] : []));
}

describe('ivr-audit init', () => {
  it('points the example flow at a schema file that exists in the user\'s folder, and lints clean', () => {
    const folder = scratchFolder();
    const run = runCli(['init'], { cwd: folder });
    expect(run.status).toBe(0);
    const flow = join(folder, 'flows/example.yaml');
    const schemaPath = resolve(dirname(flow), schemaComment(flow));
    expect(existsSync(schemaPath), schemaPath).toBe(true);
    expect((JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string }).$id).toBe(SCHEMA.$id);
    // The schema copy is no flow: linting the whole folder neither reads nor mentions it.
    const lint = runCli(['lint', '.'], { cwd: folder });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(lint.stdout).toMatch(/no problems in 1 file/);
  });

  it('uses the installed package\'s schema when ivr-audit is installed in the project', () => {
    const folder = scratchFolder({ 'node_modules/ivr-audit/schemas/callflow.schema.json': readFileSync(join(ROOT, 'schemas/callflow.schema.json'), 'utf8') });
    mkdirSync(join(folder, 'app'));
    writeFileSync(join(folder, 'app/.keep'), '');
    const run = runCli(['init'], { cwd: join(folder, 'app') });
    expect(run.status).toBe(0);
    expect(schemaComment(join(folder, 'app/flows/example.yaml'))).toBe('../../node_modules/ivr-audit/schemas/callflow.schema.json');
    expect(existsSync(join(folder, 'app/.ivr-audit'))).toBe(false);
  });

  it('writes a starter config whose commented examples are each valid when uncommented', () => {
    const folder = scratchFolder();
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    const text = readFileSync(join(folder, '.ivr-audit.yaml'), 'utf8');
    expect(() => parseConfigText(text, '.ivr-audit.yaml')).not.toThrow();
    const examples = commentedExamples(text);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const lines = text.split('\n');
    for (const index of examples) {
      const uncommented = lines.map((line, at) => (at === index ? line.replace('# ', '') : line)).join('\n');
      expect(() => parseConfigText(uncommented, `.ivr-audit.yaml with line ${index + 1} uncommented`)).not.toThrow();
    }
    const all = lines.map((line, at) => (examples.includes(at) ? line.replace('# ', '') : line)).join('\n');
    expect(() => parseConfigText(all, '.ivr-audit.yaml with every example uncommented')).not.toThrow();
  });
});
