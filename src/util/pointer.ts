// JSON pointers (RFC 6901): how findings name the place of a value in a document.

export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(parent: string, ...keys: Array<string | number>): string {
  return keys.reduce<string>((pointer, key) => `${pointer}/${pointerSegment(String(key))}`, parent);
}

export function splitPointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeSegment);
}

/** The value at a pointer, reading only own properties (ids like `__proto__` are data here). */
export function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const part of splitPointer(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
