// Rules whose findings come from reading the file, not from a check over the model. They are in
// the registry so that configs, inline disables, SARIF and the catalog know them.
import type { Rule } from './types.js';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    category: 'structure',
    severity: 'error',
    description: 'The file is not valid YAML.',
    details: 'One finding per parse error, at its position. A file that does not parse cannot be analyzed and has no score.',
    options: [],
  },
};

export const duplicateKey: Rule = {
  meta: {
    id: 'duplicate-key',
    category: 'structure',
    severity: 'error',
    description: 'A mapping repeats a key.',
    details: 'YAML lets readers keep either value of a repeated key, so two people can read the same file differently. The finding points at the repeated key; the analysis keeps the last value, as most platforms do.',
    options: [],
  },
};

export const schema: Rule = {
  meta: {
    id: 'schema',
    category: 'structure',
    severity: 'error',
    description: 'The document breaks the call-flow format.',
    details: 'A missing required key, an unknown key, a value of the wrong type or an unsupported version. Each problem is reported at the offending key or value. A flow with schema errors is not analyzed further.',
    options: [],
  },
};

export const subflowNotFound: Rule = {
  meta: {
    id: 'subflow-not-found',
    category: 'structure',
    severity: 'error',
    description: 'A `subflow` names a file that cannot be read or parsed.',
    details: 'The path in `flow` is relative to the file that holds the subflow node. When that file is missing or broken, the journeys through it cannot be analyzed.',
    options: [],
  },
};

export const subflowCycle: Rule = {
  meta: {
    id: 'subflow-cycle',
    category: 'structure',
    severity: 'error',
    description: 'Subflows call each other in a cycle.',
    details: 'A flow that, through its subflows, calls itself again would nest calls without end on most platforms. Reported at the subflow node of this file that starts the cycle, with the chain of files.',
    options: [],
  },
};
