// Which key a menu prompt says reaches a person: the person words of English and Spanish prompts.
import { describe, expect, it } from 'vitest';
import { announcesPersonKey, namesPerson } from '../../src/analysis/announce.js';

describe('announcesPersonKey', () => {
  it.each([
    ['For billing, press 1. To speak with someone in support, press 0.', '0'],
    ['Press 9 to talk to a human.', '9'],
    ['For a customer service associate, press 2.', '2'],
    ['Para hablar con alguien de soporte, marque 0.', '0'],
    ['Para hablar con un ejecutivo, marque 3.', '3'],
  ])('hears a person in "%s" on key %s', (prompt, key) => {
    expect(announcesPersonKey([prompt], key, ['1', '2', '3', '0', '9'])).toBe(true);
  });

  it('gives the person to the key next to the person word, not to another key', () => {
    expect(announcesPersonKey(['For billing, press 1. To speak with someone in support, press 0.'], '1', ['1', '0'])).toBe(false);
  });

  it('hears no person in a prompt that names none', () => {
    expect(announcesPersonKey(['For billing press 1, for opening hours press 2.'], '1', ['1', '2'])).toBe(false);
  });
});

describe('namesPerson', () => {
  it('knows the words that name a person and not other words', () => {
    expect(namesPerson('Talk to someone')).toBe(true);
    expect(namesPerson('Hablar con un especialista')).toBe(true);
    expect(namesPerson('Opening hours')).toBe(false);
  });
});
