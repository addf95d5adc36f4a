/** Lists kept in a `Map` by key: the one helper every index and merge files things with. */

/**
 * The list under `key`, made empty and stored the first time.
 *
 * @example
 * listIn(byDay, 19800).push(group)
 */
export function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Adds `value` to the list under `key` (see {@link listIn}). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  listIn(map, key).push(value);
}
