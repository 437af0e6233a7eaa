// `npm run bench`: times the audit of synthetic flows of growing size and prints how time grows
// with size. Linear analysis shows ratios close to the size ratios; no figure here is asserted.
import { audit } from '../dist/index.js';
import { loadText } from '../dist/load/index.js';
import { generateFlow } from './generate.js';

const SIZES = [1_000, 2_000, 5_000, 10_000, 20_000];
const REPEATS = 3;

async function median(run) {
  const times = [];
  for (let attempt = 0; attempt < REPEATS; attempt++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
}

console.log('nodes     parse ms   audit ms   audit µs/node   ratio to previous (size ×, time ×)');
let previous;
for (const size of SIZES) {
  const text = generateFlow(size);
  const parse = await median(() => loadText('bench.yaml', text));
  let findings = 0;
  const total = await median(async () => {
    const result = await audit([{ path: 'bench.yaml', text }], { noConfig: true });
    findings = result.files[0].findings.length;
  });
  const ratio = previous ? `${(size / previous.size).toFixed(1)}×, ${(total / previous.total).toFixed(2)}×` : '';
  console.log(
    `${String(size).padEnd(9)} ${parse.toFixed(0).padStart(8)}   ${total.toFixed(0).padStart(8)}   ${((total * 1000) / size).toFixed(1).padStart(13)}   ${ratio}  (${findings} findings)`,
  );
  previous = { size, total };
}
