// Genesys Cloud Architect flows as Archy writes them: YAML with an `inboundCall` mapping holding `menus`
// (choices keyed by DTMF) and `tasks` (lists of actions). Architect runs the actions of a list in order; an
// action's outputs (`failure`, `yes`, `emergency`...) hold their own lists, after which the parent list goes
// on. A task that runs out of actions ends the call. In-queue flows (`inqueueCall`) and common modules
// (`commonModule`) are read the same way: what callers hear while they wait, and a module other flows call.
import type { FlowKind, HoldExperience, Outcome, SourceLocation } from '../../model/flow.js';
import { CALLBACK_WORDS, FlowBuilder, tellsCallbackArranged, IN_QUEUE_FLOW_UNKNOWN, WAIT_WORDS, baseName, field, isRecord, numberFrom, sanitizeId, text, type NodeDraft } from './build.js';
import { isOpaqueValue } from './placeholders.js';
import { child, readDocument, type SourceDocument } from './source.js';
import type { FlowReference, ImportOptions, ImportProblem, ImportResult } from './types.js';
import { loaderEnglish } from '../../i18n/loader.js';

/** Where the caller goes next: a node id and where that step is written. */
interface Target {
  id: string;
  loc: SourceLocation;
}

/** The rest of the call after a list of actions; evaluated lazily so an unused end of task is never made. */
type Continuation = () => Target;

/** One `- actionType: {...}` item of an action list, or one menu choice. */
interface Item {
  type: string;
  body: Record<string, unknown>;
  /** Pointer of the value under the item's single key. */
  pointer: string;
}

/** Architect's documented menu defaults: the prompt plays 3 times, 10 seconds apart. */
const ARCHITECT_REPEAT_COUNT = 3;
const ARCHITECT_SELECTION_TIMEOUT = 10;

/** The flow types read, by their top-level key, with the kind each is. */
const FLOW_TYPES: ReadonlyArray<{ key: string; kind?: FlowKind }> = [
  { key: 'inboundCall' },
  { key: 'inqueueCall', kind: 'queue-flow' },
  { key: 'inQueueCall', kind: 'queue-flow' },
  { key: 'commonModule', kind: 'module' },
];

class GenesysImport {
  readonly builder: FlowBuilder;
  private errorTarget?: Target;
  /** The other flows this one names (transfers, modules, in-queue flows), for the project. */
  readonly references: FlowReference[] = [];
  /** What callers hear, for an in-queue flow: the actions that play to them. */
  readonly heard = { music: false, spoken: [] as string[], hidden: false, waitTold: false, callback: false };

  constructor(readonly doc: SourceDocument, file: string, readonly key: string, readonly kind: FlowKind | undefined, readonly options: ImportOptions) {
    this.builder = new FlowBuilder(file, 'genesys');
  }

  /** The pointer of the flow's mapping: `/inboundCall`, `/inqueueCall`... */
  get base(): string {
    return `/${this.key}`;
  }

  get flow(): unknown {
    return field(this.doc.data, this.key);
  }

  keyLoc(pointer: string): SourceLocation {
    return this.doc.locate(pointer, 'key');
  }

  /** Resolves `/inboundCall/menus/menu[Main Menu_10]`, `./menus/menu[mainMenu]`, `task[...]` to a node id. */
  resolveRef(ref: string): string {
    const match = /(menu|task)\[([^\]]*)\]\s*$/.exec(ref);
    if (!match) return this.builder.ids.resolve(`ref:${ref}`, ref);
    return this.builder.ids.resolve(`${match[1]}:${match[2]}`, match[2]!);
  }

  /** Gives menus (sub-menus included) and reusable tasks their ids first: references may point forwards. */
  claimIds(problems: ImportProblem[]): void {
    const visit = (menu: unknown, pointer: string): void => {
      const ref = text(field(menu, 'refId')) ?? text(field(menu, 'name'));
      if (ref === undefined) {
        problems.push({ ruleId: 'schema', message: 'a menu needs a `refId` or a `name`', loc: this.keyLoc(pointer) });
      } else if (this.builder.ids.lookup(`menu:${ref}`) !== undefined) {
        problems.push({ ruleId: 'schema', message: `menu \`${ref}\` is defined twice; references reach only the first one`, loc: this.keyLoc(pointer) });
      } else this.builder.ids.claim(`menu:${ref}`, ref);
      items(field(menu, 'choices'), `${pointer}/choices`).forEach((choice) => {
        const nested = subMenuOf(choice);
        if (nested) visit(nested.menu, nested.pointer);
      });
    };
    items(field(this.flow, 'menus'), `${this.base}/menus`).forEach((item) => visit(item.body, item.pointer));
    items(field(this.flow, 'tasks'), `${this.base}/tasks`).forEach((item) => {
      const ref = text(item.body.refId) ?? text(item.body.name);
      if (ref !== undefined && this.builder.ids.lookup(`task:${ref}`) === undefined) this.builder.ids.claim(`task:${ref}`, ref);
    });
  }

  menuId(menu: Record<string, unknown>): string {
    const ref = text(menu.refId) ?? text(menu.name) ?? 'menu';
    return this.builder.ids.lookup(`menu:${ref}`) ?? this.builder.ids.fresh(ref);
  }

  /** A menu: its choices are options keyed by DTMF digit; silence and wrong keys lead to the error handling. */
  menu(menu: Record<string, unknown>, pointer: string): string {
    const id = this.menuId(menu);
    if (this.builder.get(id)) return id;
    const settings = menuSettings(field(menu, 'settingsMenu'), field(this.flow, 'settingsMenu'));
    const draft = this.builder.node(id, 'menu', this.keyLoc(pointer), {
      label: text(menu.name),
      ...this.audio(menu.audio, `${pointer}/audio`),
      facts: { timeoutSeconds: settings.timeoutSeconds, retries: settings.retries },
    });
    for (const choice of items(menu.choices, `${pointer}/choices`)) {
      const key = optionKey(choice.body) ?? text(choice.body.name) ?? choice.type;
      const target = this.choice(choice, draft);
      if (!this.builder.option(draft, key, target.id, target.loc, text(choice.body.name))) {
        this.builder.note(loaderEnglish('note.choice-twice', { id, key }), this.keyLoc(choice.pointer));
      }
    }
    const onError = this.errorHandling();
    this.builder.exit(draft, 'noInput', onError.id, onError.loc);
    this.builder.exit(draft, 'noMatch', onError.id, onError.loc);
    return id;
  }

  /** Where one menu choice takes the caller. */
  choice(choice: Item, menu: NodeDraft): Target {
    const { body, pointer, type } = choice;
    const loc = this.keyLoc(pointer);
    const name = text(body.name) ?? type;
    const ref = text(body.targetMenuRef) ?? text(body.targetTaskRef);
    if (ref !== undefined) {
      const at = text(body.targetMenuRef) !== undefined ? 'targetMenuRef' : 'targetTaskRef';
      return { id: this.resolveRef(ref), loc: this.doc.locate(`${pointer}/${at}`) };
    }
    const nested = subMenuOf(choice);
    if (nested) return { id: this.menu(nested.menu, nested.pointer), loc };
    switch (type) {
      case 'menuTask': {
        const owner = sanitizeId(name);
        const start = this.actions(`${pointer}/task/actions`, owner, this.endOf(owner, loc));
        return { id: start().id, loc };
      }
      case 'menuRepeatMenu':
        return { id: menu.id, loc };
      case 'menuDisconnect':
        // The caller chose to end the call ("press 9 to hang up"): their choice, not a dead end.
        return { id: this.builder.node(this.builder.ids.fresh(name), 'hangup', loc, { label: `${name} (the caller's choice)`, facts: { outcome: 'resolved' } }).id, loc };
      case 'menuTransferToVoicemail':
        return { id: this.builder.node(this.builder.ids.fresh(name), 'hangup', loc, { label: name, facts: { outcome: 'voicemail' } }).id, loc };
      case 'menuTransferToAcd': {
        const queue = this.queue(body, pointer, this.builder.ids.fresh(name), loc);
        return { id: queue.id, loc };
      }
      default: {
        if (type.startsWith('menuTransferTo')) {
          const draft = this.transfer(body, pointer, this.builder.ids.fresh(name), loc, type.slice('menuTransferTo'.length));
          return { id: draft.id, loc };
        }
        // Nothing known follows an unknown choice: it is read as the end of the call, with a note.
        const draft = this.builder.node(this.builder.ids.fresh(name), 'hangup', loc, { label: `${name} (${type})` });
        this.builder.note(loaderEnglish('note.genesys-choice-unmapped', { type }), loc);
        return { id: draft.id, loc };
      }
    }
  }

  /** A hangup made on first use, for a task or output list that runs out of actions. */
  endOf(owner: string, loc: SourceLocation, outcome: Outcome = 'unresolved'): Continuation {
    let made: Target | undefined;
    return () => {
      made ??= { id: this.taskEnd(owner, loc, outcome), loc };
      return made;
    };
  }

  /**
   * Where a task that runs out of actions leaves the caller. An in-queue flow has the caller keep waiting
   * (Architect plays hold music until an agent answers), a common module returns to the flow that called
   * it; in a call flow the call ends.
   */
  private taskEnd(owner: string, loc: SourceLocation, outcome: Outcome): string {
    const id = this.builder.ids.fresh(`${owner}.end`);
    if (this.kind === 'queue-flow') return this.builder.node(id, 'return', loc, { label: 'caller keeps waiting' }).id;
    if (this.kind === 'module') return this.builder.node(id, 'return', loc, { label: 'back to the calling flow' }).id;
    return this.builder.node(id, 'hangup', loc, { label: 'end of task', facts: { outcome } }).id;
  }

  /**
   * Compiles a list of actions. Ids are given to the whole list first (in order, so duplicates are numbered
   * in reading order), then each action is mapped with the next one as its continuation.
   */
  actions(listPointer: string, owner: string, after: Continuation): Continuation {
    const list = items(valueAtDoc(this.doc, listPointer), listPointer);
    const ids = list.map((item) => this.builder.ids.fresh(`${owner}.${text(item.body.name) ?? item.type}`));
    list.forEach((item, index) => {
      const following = list[index + 1];
      const next: Continuation = following ? () => ({ id: ids[index + 1]!, loc: this.keyLoc(following.pointer) }) : after;
      this.action(item, ids[index]!, owner, next);
    });
    const first = list[0];
    return first ? () => ({ id: ids[0]!, loc: this.keyLoc(first.pointer) }) : after;
  }

  /** Where an output (`failure`, `yes`...) leads: its actions, then the rest of the parent list. */
  output(item: Item, name: string, owner: string, next: Continuation): Target {
    const outputPointer = `${item.pointer}/outputs/${name}`;
    const start = this.actions(`${outputPointer}/actions`, owner, next)();
    const hasActions = items(valueAtDoc(this.doc, `${outputPointer}/actions`), '').length > 0;
    const written = valueAtDoc(this.doc, outputPointer) !== undefined;
    return { id: start.id, loc: hasActions ? start.loc : written ? this.keyLoc(outputPointer) : this.keyLoc(item.pointer) };
  }

  action(item: Item, id: string, owner: string, next: Continuation): void {
    const { builder } = this;
    const { body, pointer, type } = item;
    const loc = this.keyLoc(pointer);
    const label = text(body.name);
    switch (type) {
      case 'playAudio': {
        const draft = builder.node(id, 'play', loc, { label, ...this.audio(body.audio, `${pointer}/audio`) });
        this.hear(draft.say, body.audio);
        this.goTo(draft, 'next', next());
        if (tellsCallbackArranged(draft.say)) builder.promise(id, 'callback');
        return;
      }
      case 'holdMusic':
      case 'playEstimatedWaitTime':
      case 'playPositionInQueue': {
        // In-queue actions: music, or the wait told in words Architect makes up.
        if (type === 'holdMusic') this.heard.music = true;
        else this.heard.waitTold = true;
        this.goTo(builder.node(id, 'play', loc, { label: label ?? type }), 'next', next());
        return;
      }
      case 'createCallback': {
        this.heard.callback = true;
        const draft = builder.node(id, 'play', loc, { label: label ?? 'create callback' });
        this.goTo(draft, 'next', next());
        builder.promise(id, 'callback');
        return;
      }
      case 'callCommonModule':
        this.commonModule(item, id, next);
        return;
      case 'disconnect':
        builder.node(id, 'hangup', loc, { label });
        return;
      case 'transferToAcd': {
        const draft = this.queue(body, pointer, id, loc);
        // A failed transfer (no such queue, queue refusing calls) runs the failure output, then goes on.
        this.goTo(draft, 'full', this.output(item, 'failure', owner, next));
        return;
      }
      case 'transferToVoicemail': {
        // The transfer may fail, so this is a decision: voicemail (help promised) or the failure output.
        const draft = builder.node(id, 'branch', loc, { label });
        const voicemail = builder.node(builder.ids.fresh(`${id}.voicemail`), 'hangup', loc, { label: 'voicemail left', facts: { outcome: 'voicemail' } }, id);
        const failure = this.output(item, 'failure', owner, next);
        builder.case(draft, failure.id, failure.loc, 'transfer to voicemail failed');
        this.goTo(draft, 'default', { id: voicemail.id, loc });
        return;
      }
      case 'collectInput': {
        const variable = text(body.inputData) ?? label ?? 'input';
        const timeoutSeconds = seconds(body.noEntryTimeout) ?? seconds(field(field(field(this.flow, 'settingsActionDefaults'), 'collectInput'), 'noEntryTimeout'));
        const draft = builder.node(id, 'input', loc, {
          label,
          ...this.audio(body.inputAudio ?? body.audio, `${pointer}/${body.inputAudio !== undefined ? 'inputAudio' : 'audio'}`),
          facts: { collects: variable.replace(/^(Flow|Task|State)\./, ''), timeoutSeconds, retries: 0 },
        });
        this.goTo(draft, 'next', this.output(item, 'success', owner, next));
        const failure = this.output(item, 'failure', owner, next);
        this.goTo(draft, 'noMatch', failure);
        const timeout = isRecord(field(body.outputs, 'timeout')) ? this.output(item, 'timeout', owner, next) : failure;
        this.goTo(draft, 'noInput', timeout);
        return;
      }
      case 'decision': {
        const draft = builder.node(id, 'branch', loc, { label });
        const yes = this.output(item, 'yes', owner, next);
        builder.case(draft, yes.id, yes.loc, conditionText(body.condition) ?? 'yes');
        this.goTo(draft, 'default', this.output(item, 'no', owner, next));
        return;
      }
      case 'switch': {
        const draft = builder.node(id, 'branch', loc, { label });
        items(body.cases, `${pointer}/cases`).forEach((branchCase) => {
          const start = this.actions(`${branchCase.pointer}/actions`, owner, next)();
          builder.case(draft, start.id, this.keyLoc(branchCase.pointer), conditionText(branchCase.body.value));
        });
        this.goTo(draft, 'default', this.output(item, 'default', owner, next));
        return;
      }
      case 'loop': {
        // The body runs up to loopCount times, coming back here each time; then the list goes on.
        const draft = builder.node(id, 'branch', loc, { label });
        const count = numberFrom(field(body.loopCount, 'lit'));
        const again = this.output(item, 'loop', owner, () => ({ id, loc }));
        const times = count !== undefined && Number.isInteger(count) && count >= 1 ? count : undefined;
        builder.case(draft, again.id, again.loc, `loop again (up to ${count ?? '?'} times)`, times);
        this.goTo(draft, 'default', next());
        return;
      }
      case 'jumpToMenu':
      case 'jumpToTask':
      case 'jumpToReusableTask': {
        const key = type === 'jumpToMenu' ? 'targetMenuRef' : 'targetTaskRef';
        const draft = builder.node(id, 'play', loc, { label });
        const ref = text(body[key]) ?? '';
        builder.exit(draft, 'next', this.resolveRef(ref), this.doc.locate(`${pointer}/${key}`));
        return;
      }
      case 'evaluateScheduleGroup':
      case 'evaluateSchedule':
        this.schedule(item, id, owner, next);
        return;
      case 'callData':
      case 'callLambda':
      case 'callDataAction':
        this.backendCall(item, id, owner, next);
        return;
      default:
        if (type === 'transferToFlow' || type === 'transferToFlowSecure') {
          this.flowHop(item, id, owner, next);
          return;
        }
        if (type.startsWith('transferTo')) {
          const draft = this.transfer(body, pointer, id, loc, type.slice('transferTo'.length));
          this.goTo(draft, 'noAnswer', this.output(item, 'failure', owner, next));
          // A secure flow hands the call back when it finishes.
          if (type === 'transferToFlowSecure') this.goTo(draft, 'next', this.output(item, 'success', owner, next));
          return;
        }
        this.generic(item, id, owner, next);
    }
  }

  /**
   * `transferToFlow`: the caller moves on to another flow. A subflow without `next` when the project has
   * its file (a secure flow comes back: with `next`), else a hop that keeps the call's data. A hop is not
   * a new person; its failure output is the way the transfer fails.
   */
  flowHop(item: Item, id: string, owner: string, next: Continuation): void {
    const { builder } = this;
    const { body, pointer, type } = item;
    const loc = this.keyLoc(pointer);
    const name = flowName(body.targetFlow);
    const secure = type === 'transferToFlowSecure';
    if (name !== undefined) this.references.push({ name, role: 'transfer' });
    const path = name === undefined ? undefined : this.options.resolveFlow?.(name);
    if (path !== undefined) {
      const draft = builder.node(id, 'subflow', loc, { label: text(body.name) ?? `flow ${name}`, facts: { flow: path } });
      if (secure) this.goTo(draft, 'next', this.output(item, 'success', owner, next));
      return;
    }
    if (name !== undefined) builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
    const draft = this.transfer(body, pointer, id, loc, type.slice('transferTo'.length));
    this.goTo(draft, 'noAnswer', this.output(item, 'failure', owner, next));
    if (secure) this.goTo(draft, 'next', this.output(item, 'success', owner, next));
  }

  /** `callCommonModule`: the module runs and the caller comes back; a subflow when its file is linted too. */
  commonModule(item: Item, id: string, next: Continuation): void {
    const { builder } = this;
    const { body, pointer } = item;
    const loc = this.keyLoc(pointer);
    const module = body.commonModule;
    const name = isRecord(module) ? text(module.name) ?? Object.keys(module)[0] : text(module);
    if (name !== undefined) this.references.push({ name, role: 'module' });
    const path = name === undefined ? undefined : this.options.resolveFlow?.(name);
    if (path !== undefined) {
      this.goTo(builder.node(id, 'subflow', loc, { label: text(body.name) ?? `module ${name}`, facts: { flow: path } }), 'next', next());
      return;
    }
    builder.unknown(loaderEnglish('unknown.common-modules'), 'modules');
    if (name !== undefined) builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
    this.goTo(builder.node(id, 'play', loc, { label: text(body.name) ?? `module ${name ?? ''}`.trim() }), 'next', next());
  }

  /** Notes what an in-queue flow's prompts say, for its hold experience. */
  hear(say: readonly string[], audio: unknown): void {
    this.heard.spoken.push(...say);
    if (isRecord(audio) && say.length === 0) this.heard.hidden = true;
  }

  /**
   * What callers hear in this in-queue flow: its hold music (the flow's setting or a `holdMusic` action),
   * its words, the wait Architect tells (`playEstimatedWaitTime`, `playPositionInQueue`) and a callback.
   */
  holdExperience(name: string): HoldExperience {
    const { heard } = this;
    const told = (words: RegExp, action: boolean): boolean | undefined =>
      action || heard.spoken.some((line) => words.test(line)) ? true : heard.hidden ? undefined : false;
    const setting = field(field(this.flow, 'settingsInQueueCall'), 'holdMusic');
    return {
      flow: name,
      music: heard.music || setting !== undefined,
      announcements: heard.spoken.length > 0 || heard.hidden || heard.waitTold,
      announceWait: told(WAIT_WORDS, heard.waitTold),
      callback: told(CALLBACK_WORDS, heard.callback),
    };
  }

  /**
   * `evaluateScheduleGroup`: the model's `hours` decision, on outputs open, closed and holiday (an output
   * left empty goes on down the list). A declared emergency is decided first: a branch in front of it.
   */
  schedule(item: Item, id: string, owner: string, next: Continuation): void {
    const { builder } = this;
    const { body } = item;
    const loc = this.keyLoc(item.pointer);
    const group = literal(body.scheduleGroup) ?? literal(body.schedule);
    const schedule = group !== undefined && !/NOT_SET/.test(group) ? group.replace(/^ToSchedule(Group)?\((.*)\)$/, '$2') : 'schedule group';
    const outputs = new Set(outputNames(item));
    if (!['open', 'closed', 'holiday'].some((kind) => outputs.has(kind))) {
      // Open and closed callers go on alike: the schedule decides nothing for them, only an emergency does.
      this.outputsBranch(item, id, owner, next);
      return;
    }
    let hoursId = id;
    if (outputs.has('emergency')) {
      const guard = builder.node(id, 'branch', loc, { label: text(body.name) });
      hoursId = builder.ids.fresh(`${id}.hours`);
      const emergency = this.output(item, 'emergency', owner, next);
      builder.case(guard, emergency.id, emergency.loc, 'emergency declared');
      this.goTo(guard, 'default', { id: hoursId, loc });
    }
    const draft = builder.node(hoursId, 'hours', loc, { label: outputs.has('emergency') ? 'open now?' : text(body.name), facts: { schedule } }, hoursId === id ? undefined : id);
    for (const kind of ['open', 'closed', 'holiday'] as const) {
      if (kind === 'holiday' && !outputs.has(kind)) continue;
      const target = outputs.has(kind) ? this.output(item, kind, owner, next) : next();
      builder.exit(draft, kind, target.id, target.loc);
    }
  }

  /**
   * A data action or Lambda call (`callData`): success goes on; failure and timeout are the
   * backend-failure path (`onError`).
   */
  backendCall(item: Item, id: string, owner: string, next: Continuation): void {
    const { builder } = this;
    const { body } = item;
    const action = literal(body.category) ?? literal(body.dataAction) ?? text(body.dataActionName);
    const label = [text(body.name), action === undefined ? undefined : `data action ${action}`].filter(Boolean).join(' ');
    const draft = builder.node(id, 'branch', this.keyLoc(item.pointer), { label: label === '' ? 'data action' : label });
    const outputs = outputNames(item);
    this.goTo(draft, 'default', outputs.includes('success') ? this.output(item, 'success', owner, next) : next());
    for (const name of ['failure', 'timeout']) {
      // An output left empty goes on down the list, as Architect runs it.
      const failed = outputs.includes(name) ? this.output(item, name, owner, next) : next();
      if (builder.exit(draft, 'error', failed.id, failed.loc) === 'taken') builder.extra(draft, failed.id, failed.loc, name);
    }
  }

  /** A decision on an action's outputs: each output is a case, and the list goes on by default. */
  outputsBranch(item: Item, id: string, owner: string, next: Continuation): void {
    const { builder } = this;
    const draft = builder.node(id, 'branch', this.keyLoc(item.pointer), { label: text(item.body.name) });
    for (const name of outputNames(item)) {
      const target = this.output(item, name, owner, next);
      builder.case(draft, target.id, target.loc, name);
    }
    this.goTo(draft, 'default', next());
  }

  /** Setters are silent steps; other unknown actions branch on their outputs (if any) and get a note. */
  generic(item: Item, id: string, owner: string, next: Continuation): void {
    const loc = this.keyLoc(item.pointer);
    if (outputNames(item).length > 0) this.outputsBranch(item, id, owner, next);
    else this.goTo(this.builder.node(id, 'play', loc, { label: text(item.body.name) }), 'next', next());
    if (!SILENT_ACTIONS.has(item.type)) {
      this.builder.note(loaderEnglish('note.genesys-unmapped', { type: item.type }), loc, {
        key: `unmapped\u0000${item.type}`,
        place: `\`${id}\``,
      });
    }
  }

  goTo(draft: NodeDraft, kind: 'next' | 'default' | 'full' | 'noAnswer' | 'noInput' | 'noMatch' | 'error', target: Target): void {
    if (this.builder.exit(draft, kind, target.id, target.loc) === 'taken') this.builder.extra(draft, target.id, target.loc, kind);
  }

  /** A transfer to an ACD queue: an agent stands for the answered call; Architect's in-queue flow plays music. */
  queue(body: Record<string, unknown>, pointer: string, id: string, loc: SourceLocation): NodeDraft {
    const name = text(body.name);
    const queueName = text(field(field(body.targetQueue, 'lit'), 'name'));
    const draft = this.builder.node(id, 'queue', loc, {
      label: queueName === undefined ? name : `${name ?? 'queue'} (${queueName})`,
      ...this.audio(body.preTransferAudio, `${pointer}/preTransferAudio`),
      facts: { music: true },
    });
    this.builder.exit(draft, 'next', this.builder.agent(draft).id, loc);
    this.builder.unknown(loaderEnglish('unknown.queue-timeout'), 'queues');
    // The in-queue flow this transfer names (else the queue's own, set outside the export).
    const inQueue = flowName(body.overrideInQueueFlow);
    if (inQueue !== undefined) {
      draft.facts.holdFlow = inQueue;
      this.references.push({ name: inQueue, role: 'queue-flow' });
      if (this.options.resolveFlow?.(inQueue) === undefined) this.builder.unknown(loaderEnglish('unknown.flow-not-linted', { name: inQueue }), '');
    }
    this.builder.unknown(IN_QUEUE_FLOW_UNKNOWN.genesys, 'queues');
    return draft;
  }

  /** A transfer to a number, user, group or flow; flows keep the call's data, people start from zero. */
  transfer(body: Record<string, unknown>, pointer: string, id: string, loc: SourceLocation, kind: string): NodeDraft {
    const destination = literal(body.targetNumber) ?? literal(body.targetUser) ?? literal(body.targetGroup)
      ?? literal(body.targetFlow) ?? literal(body.targetAddress) ?? kind;
    const connectTimeout = seconds(body.connectTimeout)
      ?? seconds(field(field(field(this.flow, 'settingsActionDefaults'), `transferTo${kind}`), 'connectTimeout'));
    if (connectTimeout === undefined) this.builder.unknown(loaderEnglish('unknown.transfer-rings'), 'transfers');
    return this.builder.node(id, 'transfer', loc, {
      label: text(body.name),
      ...this.audio(body.preTransferAudio, `${pointer}/preTransferAudio`),
      // A flow is not a new person: the call goes on there with its data.
      facts: { to: destination, ringTimeoutSeconds: connectTimeout, context: kind.startsWith('Flow'), toFlow: kind.startsWith('Flow') },
    });
  }

  /**
   * The flow's error handling (`settingsErrorHandling`): where a menu's caller goes after the last repeat
   * without a valid choice. Made once, on first use; Architect disconnects when the flow sets nothing.
   */
  errorHandling(): Target {
    if (this.errorTarget) return this.errorTarget;
    const { builder } = this;
    const pointer = `${this.base}/settingsErrorHandling`;
    const settings = field(this.flow, 'settingsErrorHandling');
    const loc = this.keyLoc(settings === undefined ? this.base : pointer);
    const handling = field(settings, 'errorHandling');
    const kind = isRecord(handling) ? Object.keys(handling)[0] ?? 'disconnect' : 'disconnect';
    const body = isRecord(handling) && isRecord(handling[kind]) ? (handling[kind] as Record<string, unknown>) : {};
    const spoken = this.audio(field(settings, 'preHandlingAudio'), `${pointer}/preHandlingAudio`);
    const id = builder.ids.fresh('errorHandling');
    const label = 'flow error handling';
    builder.unknown(loaderEnglish('unknown.menu-last-repeat'), '');
    let draft: NodeDraft;
    if (kind === 'transferToAcd') {
      draft = this.queue(body, `${pointer}/errorHandling/${kind}`, id, loc);
      draft.say = spoken.say;
      draft.sayLoc = spoken.sayLoc;
    } else if (kind.startsWith('transferTo')) {
      draft = this.transfer(body, `${pointer}/errorHandling/${kind}`, id, loc, kind.slice('transferTo'.length));
      draft.say = spoken.say;
      draft.sayLoc = spoken.sayLoc;
    } else if (kind === 'jumpToMenu' || kind === 'jumpToTask') {
      draft = builder.node(id, 'play', loc, { label, ...spoken });
      const key = kind === 'jumpToMenu' ? 'targetMenuRef' : 'targetTaskRef';
      builder.exit(draft, 'next', this.resolveRef(text(body[key]) ?? ''), this.doc.locate(`${pointer}/errorHandling/${kind}/${key}`));
    } else {
      draft = builder.node(id, 'hangup', loc, { label, ...spoken });
    }
    this.errorTarget = { id: draft.id, loc };
    return this.errorTarget;
  }

  /** What a caller hears from an Archy audio value: literal TTS as written; variables and recordings unknown. */
  audio(value: unknown, pointer: string): { say: string[]; sayLoc?: SourceLocation } {
    if (!isRecord(value)) return { say: [] };
    const { builder } = this;
    const tts = text(value.tts);
    if (tts !== undefined) {
      const sayLoc = this.doc.locate(`${pointer}/tts`);
      if (isOpaqueValue(tts)) {
        builder.unknown(loaderEnglish('unknown.prompt-in-templates'), 'prompts');
        return { say: [], sayLoc };
      }
      return { say: [tts], sayLoc };
    }
    const expression = text(value.exp);
    if (expression !== undefined) {
      const sayLoc = this.doc.locate(`${pointer}/exp`);
      const literals = [...expression.matchAll(/ToAudioTTS\(\s*"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\(.)/g, '$1'));
      const spoken = literals.filter((literal) => !isOpaqueValue(literal));
      if (spoken.length < literals.length || literals.length === 0) {
        builder.unknown(loaderEnglish(/Prompt\./.test(expression) ? 'unknown.recorded-prompts' : 'unknown.prompt-in-templates'), 'prompts');
      }
      return { say: spoken, sayLoc };
    }
    if (value.prompt !== undefined) {
      builder.unknown(loaderEnglish('unknown.recorded-prompts'), 'prompts');
      return { say: [], sayLoc: this.doc.locate(`${pointer}/prompt`) };
    }
    return { say: [] };
  }
}

/** The flow a reference names: `{ name: X }`, `{ lit: { name: X } }`, or a flow's name as text. */
function flowName(value: unknown): string | undefined {
  const name = text(field(value, 'name')) ?? literal(value) ?? text(value);
  return name === undefined || name.trim() === '' ? undefined : name.trim();
}

/** Actions that only set data for later steps: silent, no note. */
const SILENT_ACTIONS = new Set([
  'updateData', 'setParticipantData', 'getParticipantData', 'setLanguage', 'setWhisperAudio', 'setUUIData',
  'setScreenPop', 'initializeFlowOutcome', 'setFlowOutcome', 'endFlowOutcome', 'addFlowMilestone',
  'setExternalTag', 'setConversationData', 'setUtilizationLabel', 'setWrapupCode', 'setSecuredData',
  'dataTableLookup', 'getExternalContact', 'setCallbackDetails',
]);

export function importGenesys(file: string, source: string, options: ImportOptions = {}): ImportResult {
  const read = readDocument(file, source);
  const problems = [...read.problems];
  if (!read.doc) return { format: 'genesys', problems };
  const doc = read.doc;
  const type = FLOW_TYPES.find((candidate) => isRecord(field(doc.data, candidate.key)));
  if (!type) {
    problems.push({ ruleId: 'schema', message: 'not a Genesys Architect flow: expected an `inboundCall`, `inqueueCall` or `commonModule` mapping', loc: doc.locate('') });
    return { format: 'genesys', problems };
  }
  const flow = field(doc.data, type.key) as Record<string, unknown>;
  const genesys = new GenesysImport(doc, file, type.key, type.kind, options);
  const { builder, base } = genesys;
  genesys.claimIds(problems);
  const startRef = text(flow.startUpRef);
  let start: Target;
  if (Array.isArray(flow.startUpTaskActions)) {
    // In-queue flows and modules may hold their start-up task inline.
    const loc = genesys.keyLoc(`${base}/startUpTaskActions`);
    start = genesys.actions(`${base}/startUpTaskActions`, 'startUp', genesys.endOf('startUp', loc))();
  } else if (startRef === undefined) {
    problems.push({ ruleId: 'schema', message: `\`${type.key}\` needs a \`startUpRef\` (the menu or task where calls start)`, loc: genesys.keyLoc(base) });
    const first = items(flow.menus, `${base}/menus`)[0];
    start = first ? { id: genesys.menuId(first.body), loc: genesys.keyLoc(first.pointer) } : { id: builder.ids.resolve('startUpRef', 'startUpRef'), loc: genesys.keyLoc(base) };
  } else {
    start = { id: genesys.resolveRef(startRef), loc: doc.locate(`${base}/startUpRef`) };
  }
  // The initial greeting plays before the start-up menu or task.
  let entry = start;
  const greeting = genesys.audio(flow.initialGreeting, `${base}/initialGreeting`);
  if (flow.initialGreeting !== undefined) {
    const loc = genesys.keyLoc(`${base}/initialGreeting`);
    const draft = builder.node(builder.ids.fresh('initialGreeting'), 'play', loc, { label: 'initial greeting', ...greeting });
    builder.exit(draft, 'next', start.id, start.loc);
    entry = { id: draft.id, loc };
  }
  for (const item of items(flow.menus, `${base}/menus`)) genesys.menu(item.body, item.pointer);
  for (const item of items(flow.tasks, `${base}/tasks`)) {
    const ref = text(item.body.refId) ?? text(item.body.name);
    const id = ref === undefined ? builder.ids.fresh('task') : builder.ids.lookup(`task:${ref}`) ?? builder.ids.fresh(ref);
    if (builder.get(id)) continue;
    const loc = genesys.keyLoc(item.pointer);
    // The task itself is a silent step, so references to it have a node to reach.
    const draft = builder.node(id, 'play', loc, { label: text(item.body.name) });
    const first = genesys.actions(`${item.pointer}/actions`, id, genesys.endOf(id, loc))();
    builder.exit(draft, 'next', first.id, first.loc);
  }

  const name = text(flow.name) ?? baseName(file);
  const result = builder.finish({ name, description: text(flow.description), entry: entry.id, entryLoc: entry.loc });
  const kind = type.kind ?? options.kind;
  if (kind !== undefined && kind !== 'flow') result.kind = kind;
  if (kind === 'queue-flow' || kind === 'hold') result.hold = genesys.holdExperience(name);
  // A name left to a deploy template (`{{flow_name}}`) names nothing other flows could use.
  const aliases = name === baseName(file) || isOpaqueValue(name) ? [] : [name];
  return { format: 'genesys', flow: result, problems, notes: builder.notes, aliases, references: genesys.references };
}

/** Names of the outputs an action writes with a body (`outputs: { failure: { actions: [...] } }`). */
function outputNames(item: Item): string[] {
  const outputs = item.body.outputs;
  return isRecord(outputs) ? Object.keys(outputs).filter((name) => isRecord(outputs[name])) : [];
}

/** The `- key: {...}` items of a list, each with its single key as type. */
function items(list: unknown, pointer: string): Item[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): Item[] => {
    if (!isRecord(entry)) return [];
    const type = Object.keys(entry)[0];
    if (type === undefined) return [];
    const body = entry[type];
    return [{ type, body: isRecord(body) ? body : {}, pointer: child(`${pointer}/${index}`, type) }];
  });
}

function valueAtDoc(doc: SourceDocument, pointer: string): unknown {
  return doc.at(pointer).data;
}

/** A `menuSubMenu` choice's menu: written inline, or under a `menu` key. */
function subMenuOf(choice: Item): { menu: Record<string, unknown>; pointer: string } | undefined {
  if (choice.type !== 'menuSubMenu') return undefined;
  const inner = choice.body.menu;
  if (isRecord(inner)) return { menu: inner, pointer: `${choice.pointer}/menu` };
  return { menu: choice.body, pointer: choice.pointer };
}

/** `digit_1` → "1", `digit_star` → "*", `digit_pound` → "#". */
function optionKey(choice: Record<string, unknown>): string | undefined {
  const dtmf = text(choice.dtmf);
  if (dtmf !== undefined) {
    const digit = dtmf.replace(/^digit_/, '');
    if (digit === 'star') return '*';
    if (digit === 'pound' || digit === 'hash') return '#';
    return digit;
  }
  const terms = field(choice.speechRecTerms, Object.keys(isRecord(choice.speechRecTerms) ? choice.speechRecTerms : {})[0] ?? '');
  const first = Array.isArray(field(terms, 'terms')) ? (field(terms, 'terms') as unknown[])[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** Menu timing: the menu's own `settingsMenu`, else the flow's, else Architect's defaults. */
function menuSettings(own: unknown, flow: unknown): { timeoutSeconds: number; retries: number } {
  const timeout = seconds(field(own, 'menuSelectionTimeout')) ?? seconds(field(flow, 'menuSelectionTimeout')) ?? ARCHITECT_SELECTION_TIMEOUT;
  const repeats = numberFrom(field(field(own, 'repeatCount'), 'lit')) ?? numberFrom(field(field(flow, 'repeatCount'), 'lit')) ?? ARCHITECT_REPEAT_COUNT;
  // repeatCount is how many times the prompt plays in all; retries count the plays after the first.
  return { timeoutSeconds: timeout > 0 ? timeout : ARCHITECT_SELECTION_TIMEOUT, retries: Math.max(0, Math.floor(repeats) - 1) };
}

/** `{ lit: { seconds: 10 } }` or `{ lit: { ms: 1500 } }` → seconds; `noValue` → undefined. */
function seconds(value: unknown): number | undefined {
  const lit = field(value, 'lit');
  const whole = numberFrom(field(lit, 'seconds'));
  const ms = numberFrom(field(lit, 'ms'));
  if (whole !== undefined || ms !== undefined) return (whole ?? 0) + (ms ?? 0) / 1000;
  return undefined;
}

/** A literal destination: `{ lit: "+1..." }` or `{ lit: { name: "..." } }`. */
function literal(value: unknown): string | undefined {
  const lit = field(value, 'lit');
  if (typeof lit === 'string') return lit;
  return text(field(lit, 'name')) ?? text(field(value, 'exp'));
}

function conditionText(value: unknown): string | undefined {
  return text(field(value, 'exp')) ?? (field(value, 'lit') === undefined ? undefined : String(field(value, 'lit')));
}
