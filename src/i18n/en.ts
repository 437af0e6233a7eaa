// The English catalog: the text every message had before there were catalogs, kept byte for byte
// (fingerprints are computed from it). Keys are `rule-id.message-id`, or `area.message-id` for
// words shared by rules (node names, the engine's merged places). ICU MessageFormat.
export const EN = {
  'node.name': '{type} `{id}`',
  'engine.same-places': '{message}; the same at {count} more {count, plural, one {place} other {places}}: {places}',
  'engine.place-line': 'line {line}',
  'steps.inside': '{where}: {message}',
  'steps.in-subflow': 'in subflow {calls} ({file})',

  'ring-limit.answer-rings': 'the line rings {rings} times (about {seconds} s) before the system answers; the limit is {max} rings',
  'ring-limit.node-rings': '{node} can ring {span} before anyone answers; the limit is {max} rings',
  'ring-limit.span-timeout': 'for {timeout} s ({rings} rings of {seconds} s)',
  'ring-limit.span-rings': '{rings} times (about {seconds} s)',
  'approval-hop.permission': '{node} exists only to get permission: empower the first person to decide',
  'channel-switch.deflect': '{node} sends callers to another channel ({channel}) instead of helping them on the call',
  'silent-hold.silence': '{node} holds callers in silence: no `music` and no `announcements`',
} as const;
