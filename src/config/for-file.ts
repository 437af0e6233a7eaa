// The configuration that applies to one flow file: `-c`, or the nearest config above the file,
// or none; then `--rule` from the command line.
import { dirname, resolve } from 'node:path';
import type { RuleSetting } from '../engine.js';
import { findConfig, loadConfigFile } from './discover.js';
import { isIgnored, pathFromConfig, resolveConfig } from './resolve.js';
import type { ConfigFile, ResolvedConfig } from './types.js';

export interface ConfigOptions {
  cwd: string;
  /** `-c PATH`: this config for every file. */
  configPath?: string;
  /** `--no-config`: no config file at all. */
  noConfig?: boolean;
  /** `--rule ID=SEVERITY`: wins over every config. */
  cliRules?: Record<string, RuleSetting>;
}

export interface FileConfig extends ResolvedConfig {
  ignored: boolean;
}

export type ConfigFor = (file: string) => Promise<FileConfig>;

export function configResolver(options: ConfigOptions): ConfigFor {
  const cli = { rules: options.cliRules };
  const explicitPath = options.configPath === undefined ? undefined : resolve(options.cwd, options.configPath);
  // Read on first use, not up front: a promise that failed before anyone awaited it would be an
  // unhandled rejection (a stack trace instead of the config's one-line error).
  let explicit: Promise<ConfigFile> | undefined;
  return async (file) => {
    const absolute = resolve(options.cwd, file);
    let found: { path: string; config: ConfigFile } | undefined;
    if (explicitPath !== undefined) found = { path: explicitPath, config: await (explicit ??= loadConfigFile(explicitPath)) };
    else if (!options.noConfig) found = await findConfig(dirname(absolute));
    if (!found) return { ...resolveConfig(undefined, file, cli), ignored: false };
    const relative = pathFromConfig(found.path, absolute, options.cwd);
    return { ...resolveConfig(found.config, relative, cli, found.path), ignored: isIgnored(found.config, relative) };
  };
}
