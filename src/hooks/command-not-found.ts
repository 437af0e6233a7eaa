// oclif calls this for a command it does not know. With the space topic separator, the id joins
// the first words with ':' (`lnt flows/` arrives as `lnt:flows/`); the first is what was typed.
import type { Hook } from '@oclif/core';
import { UsageError } from '../files.js';
import { unknownCommandMessage } from '../cli/errors.js';

const hook: Hook.CommandNotFound = async function (options) {
  const word = options.id.split(':')[0] ?? options.id;
  throw new UsageError(unknownCommandMessage(word, options.config.commandIDs, options.config.bin));
};

export default hook;
