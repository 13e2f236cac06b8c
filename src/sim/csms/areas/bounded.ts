// Bounded per-station memory of the areas: an entry per requestId (or transaction, checksum, ...) that is created on
// first use, while the oldest entries go once there are more than `max`, so a long-running CSMS does not grow without limit.

/** The entry under `key`, created when missing; Maps iterate in insertion order, so the first keys are the oldest. */
export function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V, max: number): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
    trimOldest(map, max);
  }
  return value;
}

/** Drops the oldest entries until at most `max` are left. */
export function trimOldest<K, V>(map: Map<K, V>, max: number): void {
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
