#!/usr/bin/env node
// Entry point. Errors become one line on stderr and exit code 2 (the stack only with DEBUG set).
import { flush, run } from '@oclif/core';

try {
  await run(process.argv.slice(2), import.meta.url);
  await flush();
} catch (error) {
  const exit = error?.oclif?.exit;
  if (error?.code === 'EEXIT' && typeof exit === 'number') {
    process.exitCode = exit;
  } else {
    const message = String(error?.message ?? error).split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
    process.stderr.write(`ivr-audit: ${message.replace(/^Error: /, '').trim()}\n`);
    if (process.env.DEBUG && error?.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}
