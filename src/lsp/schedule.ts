// When each buffer is linted: at once on open, a moment after the last keystroke on change, and
// each request (hover, actions...) served from the lint of the buffer's current version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintedDocument } from './documents.js';

/** Keystrokes closer together than this make one lint. */
export const DEBOUNCE_MS = 200;

interface Run {
  version: number;
  done: Promise<LintedDocument | undefined>;
  settle: (linted: Promise<LintedDocument | undefined>) => void;
  timer?: NodeJS.Timeout;
}

export class LintSchedule {
  readonly #runs = new Map<string, Run>();
  readonly #latest = new Map<string, LintedDocument>();

  constructor(
    private readonly lint: (document: TextDocument) => Promise<LintedDocument | undefined>,
    private readonly publish: (document: TextDocument, linted: LintedDocument) => void,
  ) {}

  /** Lints the document's current text after `delay` ms; a later call for the same buffer replaces this one. */
  schedule(document: TextDocument, delay: number): void {
    const previous = this.#runs.get(document.uri);
    if (previous?.timer) clearTimeout(previous.timer);
    let settle!: (linted: Promise<LintedDocument | undefined>) => void;
    const done = new Promise<LintedDocument | undefined>((resolve) => (settle = resolve));
    const run: Run = { version: document.version, done, settle };
    // Whoever waited for the replaced lint gets this one, which lints newer text.
    previous?.settle(done);
    run.timer = setTimeout(() => {
      run.timer = undefined;
      run.settle(this.#run(document));
    }, delay);
    this.#runs.set(document.uri, run);
  }

  async #run(document: TextDocument): Promise<LintedDocument | undefined> {
    const linted = await this.lint(document);
    // A lint of text that has changed since is not shown: the newer one is on its way.
    if (linted && this.#runs.get(document.uri)?.version === linted.version) {
      this.#latest.set(document.uri, linted);
      this.publish(document, linted);
    }
    return linted;
  }

  /** The lint of the buffer as it is now (waiting for it when it is due), else the last one there is. */
  async current(document: TextDocument): Promise<LintedDocument | undefined> {
    const run = this.#runs.get(document.uri);
    if (run && run.version === document.version) await run.done;
    return this.#latest.get(document.uri);
  }

  forget(uri: string): void {
    const run = this.#runs.get(uri);
    if (run?.timer) clearTimeout(run.timer);
    run?.settle(Promise.resolve(undefined));
    this.#runs.delete(uri);
    this.#latest.delete(uri);
  }
}
