import { UsageError } from '../files.js';

/**
 * A config file (or baseline) the tool cannot use. It is a usage error (exit code 2), and its
 * message is one line that names the file and, when there is one, the key.
 */
export class ConfigError extends UsageError {
  constructor(
    /** The file as shown to the user; `file:line:col` for a syntax error. */
    readonly file: string,
    /** Dotted path of the offending key (`rules.identity-questions`), when there is one. */
    readonly key: string | undefined,
    readonly detail: string,
  ) {
    super(key === undefined || key === '' ? `${file}: ${detail}` : `${file}: ${key}: ${detail}`);
    this.name = 'ConfigError';
  }
}
