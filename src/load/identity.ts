// Which collected data are identity or verification questions, when a flow does not say.

/** Word stems of identity data in English and Spanish, matched against the words of `collects`. */
const IDENTITY_PATTERNS: readonly RegExp[] = [
  /\bname\b/, /\bfirst.?name\b/, /\blast.?name\b/, /\bsurname\b/, /\baddress\b/, /\bphone\b/, /\bmobile\b/,
  /\bemail\b/, /\be.?mail\b/, /\baccount\b/, /\bcustomer.?(id|number)\b/, /\bclient.?(id|number)\b/,
  /\bmember.?(id|number)\b/, /\b(date.?of.?birth|dob|birth.?date|birthday)\b/, /\b(postcode|post.?code|zip|zip.?code|postal.?code)\b/,
  /\bpin\b/, /\bpasscode\b/, /\bpassword\b/, /\bssn\b/, /\bsocial.?security\b/, /\bpassport\b/, /\bid.?number\b/,
  /\bnational.?id\b/, /\bsecurity.?(question|answer)\b/, /\btenure\b/, /\bpolicy.?number\b/,
  /\bnombre\b/, /\bapellidos?\b/, /\bdireccion\b/, /\bdomicilio\b/, /\btelefono\b/, /\bmovil\b/, /\bcelular\b/,
  /\bcorreo\b/, /\bcuenta\b/, /\bcliente\b/, /\bfecha.?de.?nacimiento\b/, /\bnacimiento\b/, /\bcodigo.?postal\b/,
  /\bdni\b/, /\bnie\b/, /\bcedula\b/, /\bpasaporte\b/, /\bclave\b/, /\bantiguedad\b/, /\bpoliza\b/,
];

/** Lower case, accents removed, separators turned into spaces: `Fecha_de-Nacimiento` → `fecha de nacimiento`. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function isIdentityDatum(collects: string): boolean {
  const words = normalizeWords(collects);
  return IDENTITY_PATTERNS.some((pattern) => pattern.test(words));
}
