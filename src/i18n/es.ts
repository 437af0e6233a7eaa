// The Spanish catalog: every key of en.ts with the same ICU arguments (test/i18n checks both).
// Node names carry their article ("el menú `main`"), so sentences start with them or follow "en".
import type { EN } from './en.js';

export const ES: Readonly<Record<keyof typeof EN, string>> = {
  'node.name':
    '{type, select, play {el anuncio} menu {el menú} input {la pregunta} branch {la decisión} transfer {la transferencia} queue {la cola} agent {el agente} deflect {el desvío} notify {el aviso} lookup {la consulta} hours {el horario} subflow {el subflujo} return {el retorno} hangup {el cuelgue} other {el paso}} `{id}`',
  'engine.same-places': '{message}; lo mismo en {count, plural, one {{count} lugar más} other {{count} lugares más}}: {places}',
  'engine.place-line': 'línea {line}',
  'steps.inside': '{where}: {message}',
  'steps.in-subflow': 'en el subflujo {calls} ({file})',

  'ring-limit.answer-rings': 'la línea suena {rings, plural, one {{rings} vez} other {{rings} veces}} (unos {seconds} s) antes de que conteste el sistema; el límite es de {max, plural, one {{max} timbre} other {{max} timbres}}',
  'ring-limit.node-rings': '{node} puede sonar {span} antes de que alguien conteste; el límite es de {max, plural, one {{max} timbre} other {{max} timbres}}',
  'ring-limit.span-timeout': 'durante {timeout} s ({rings, plural, one {{rings} timbre} other {{rings} timbres}} de {seconds} s)',
  'ring-limit.span-rings': '{rings, plural, one {{rings} vez} other {{rings} veces}} (unos {seconds} s)',
  'approval-hop.permission': '{node} solo sirve para pedir permiso: deje decidir a la primera persona que atiende',
  'channel-switch.deflect': '{node} manda a quien llama a otro canal ({channel}) en vez de ayudarle en la llamada',
  'silent-hold.silence': '{node} deja en espera en silencio: sin `music` ni `announcements`',
};
