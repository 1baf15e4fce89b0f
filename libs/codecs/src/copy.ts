/**
 * `{ ...base, [key]: value }` by a plain property copy. Node 20's V8 spends about half a
 * microsecond on an object spread followed by another property (the clone's map has no fast
 * transition for it), a for-in copy about a tenth of that. Same keys, same order: a key `base`
 * already has keeps its place.
 */
export function withField<T extends object, K extends string, V>(base: T | undefined, key: K, value: V): Omit<T, K> & Record<K, V> {
  const out: Record<string, unknown> = {};
  for (const k in base) if (Object.hasOwn(base, k)) out[k] = base[k];
  out[key] = value;
  return out as Omit<T, K> & Record<K, V>;
}
