/** Edit distance for names: typos in queries ("Blinkin") and spelling variants ("Antony"). */

/**
 * Levenshtein distance between two strings, giving up (returning `max + 1`) once it exceeds `max`.
 *
 * @example
 * editDistance("blinkin", "blinken", 2) // 1
 * editDistance("barnea", "burns", 1)    // 2 (more than 1)
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}
