// Writes docs/es/rules.md from the Spanish catalog: `npm run build && node scripts/es-catalog.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
const { EN } = await import(process.cwd() + '/dist/i18n/en.js');
const { ES } = await import(process.cwd() + '/dist/i18n/es.js');
const groups = new Map();
for (const key of Object.keys(EN)) {
  const area = key.slice(0, key.lastIndexOf('.'));
  if (!groups.has(area)) groups.set(area, []);
  groups.get(area).push(key);
}
let out = `# Catálogo de mensajes en español\n\nLos mensajes que ivr-audit escribe con \`--lang es\` (ver [Languages](../cli.md#languages)), por regla, en\nformato ICU MessageFormat tal como están en \`src/i18n/es.ts\`; entre llaves, lo que se rellena al\nemitirlos. Las páginas de cada regla (en inglés) están en [docs/rules](../rules/README.md).\n`;
for (const [area, keys] of groups) {
  const isRule = !['node', 'engine', 'steps', 'fix', 'summary', 'cli', 'stderr', 'report'].includes(area.split('.')[0]);
  out += `\n## ${isRule ? `[\`${area}\`](../rules/${area}.md)` : `\`${area}\``}\n\n| id | mensaje |\n|---|---|\n`;
  for (const key of keys) out += `| \`${key}\` | ${ES[key].replace(/\|/g, '\\|')} |\n`;
}
mkdirSync('docs/es', { recursive: true });
writeFileSync('docs/es/rules.md', out);
