export * from './flow.js';
export * from './finding.js';
export * from './result.js';
