import { describe, expect, it } from 'vitest';
import { announcesLeaveKey } from '../../src/util/spoken-keys.js';

describe('announcesLeaveKey', () => {
  const keys = ['1', '2', '9'];
  it.each([
    ['To speak with a Team Z member, press 1. To leave, press 2', '2'],
    ['Press 1 for billing. To end this call, press 9.', '9'],
    ['Press 1 for billing, or press nine to hang up.', '9'],
    ['Para facturación marque 1. Para terminar la llamada, marque 9.', '9'],
    ['Para colgar, marque dos.', '2'],
  ])('reads "%s" as offering %s to end the call', (prompt, key) => {
    expect(announcesLeaveKey([prompt], key, keys)).toBe(true);
  });
  it.each([
    ['To leave a message, press 2.', '2'],
    ['To leave your number for a callback, press 9.', '9'],
    ['Press 1 for billing. To end this call, press 9.', '1'],
    ['Press 2 for the end of month statement.', '2'],
  ])('does not read "%s" as offering %s to end the call', (prompt, key) => {
    expect(announcesLeaveKey([prompt], key, keys)).toBe(false);
  });
});
