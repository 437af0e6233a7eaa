// Synthetic call flows for the benchmark: menus, identity questions, transfers, queues and
// subflow-free loops in realistic proportions, of any size.

/**
 * A format v1 flow of about `size` nodes, as YAML text. Deterministic for a given size. With
 * `subflow`, one input in a thousand becomes a call to that file instead.
 */
export function generateFlow(size, { subflow } = {}) {
  const lines = ['version: 1', `name: Synthetic ${size}`, 'entry: n0', 'queues:', '  main: { agents: 40, callsPerHour: 300, ahtSeconds: 300 }', 'nodes:'];
  for (let index = 0; index < size; index++) {
    const next = `n${Math.min(index + 1, size - 1)}`;
    const skip = `n${Math.min(index + 7, size - 1)}`;
    const back = `n${Math.max(index - 3, 0)}`;
    if (index === size - 1) {
      lines.push(`  n${index}: { type: agent }`);
      continue;
    }
    switch (index % 8) {
      case 0:
        lines.push(`  n${index}:`, '    type: menu', '    say: For billing press 1, for sales press 2, to repeat press 9.',
          `    options: { "1": ${next}, "2": ${skip}, "9": ${back} }`, `    onNoInput: ${next}`, `    onNoMatch: ${next}`);
        break;
      case 1:
        if (subflow && index % 1000 === 1) {
          lines.push(`  n${index}: { type: subflow, flow: ${subflow}, next: ${next} }`);
          break;
        }
        lines.push(`  n${index}: { type: input, say: Enter your account number., collects: account-${index % 5}, next: ${next}, onNoInput: ${skip}, onNoMatch: ${skip} }`);
        break;
      case 2:
        lines.push(`  n${index}: { type: branch, cases: [{ when: open, next: ${next}, share: 0.8 }], default: ${skip} }`);
        break;
      case 3:
        lines.push(`  n${index}: { type: transfer, to: team ${index}, rings: 2, context: ${index % 16 === 3}, next: ${next}, onNoAnswer: ${skip} }`);
        break;
      case 4:
        lines.push(`  n${index}: { type: queue, queue: main, maxWaitSeconds: 120, music: true, next: ${next}, onTimeout: ${skip} }`);
        break;
      case 5:
        lines.push(`  n${index}: { type: agent, resolves: 0.5, next: ${next} }`);
        break;
      default:
        lines.push(`  n${index}: { type: play, say: Thanks for waiting. Please hold while we connect you., next: ${next} }`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A small pseudo-random generator, so that generated folders are the same on every run. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` small flows of 20 to 60 nodes, as { name, text } pairs; every tenth calls a shared subflow. */
export function generateFolder(count, seed = 1) {
  const random = seededRandom(seed);
  const files = [{ name: SHARED_SUBFLOW_FILE, text: SHARED_SUBFLOW }];
  for (let index = 0; index < count; index++) {
    const size = 20 + Math.floor(random() * 41);
    const subflow = index % 10 === 0 ? SHARED_SUBFLOW_FILE : undefined;
    const text = generateFlow(size, { subflow }).replace(`name: Synthetic ${size}`, `name: Flow ${index}`);
    files.push({ name: `flow-${String(index).padStart(4, '0')}.yaml`, text });
  }
  return files;
}

export const SHARED_SUBFLOW_FILE = 'shared-verify.yaml';

export const SHARED_SUBFLOW = `version: 1
name: Shared verification
kind: subflow
entry: ask
nodes:
  ask: { type: input, say: Enter your account number., collects: account, next: done, onNoInput: done, onNoMatch: done }
  done: { type: return }
`;
