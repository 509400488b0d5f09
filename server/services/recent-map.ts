/**
 * Bounded in-memory caches keep their entries in a `Map`, whose order is insertion order: setting
 * a key anew moves it to the end, so the first key is always the least recently stored one.
 */

/** Stores `value` under `key` as the newest entry, and drops the oldest once there are more than `max`. */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
