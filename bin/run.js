#!/usr/bin/env node
// Entry point. Errors become one line on stderr and exit code 2 (the stack only with DEBUG set).
// Messages may quote a flow or a path, so they are made visible: no control character reaches the terminal.
import { flush, run } from '@oclif/core';
import { stderrLine, visible } from '../dist/report/escape.js';

try {
  await run(process.argv.slice(2), import.meta.url);
  await flush();
} catch (error) {
  const exit = error?.oclif?.exit;
  if (error?.code === 'EEXIT' && typeof exit === 'number') {
    process.exitCode = exit;
  } else {
    const message = String(error?.message ?? error).split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
    process.stderr.write(stderrLine(message.replace(/^Error: /, '').trim()));
    if (process.env.DEBUG && error?.stack) process.stderr.write(`${visible(String(error.stack), { keepLineBreaks: true })}\n`);
    process.exitCode = 2;
  }
}
