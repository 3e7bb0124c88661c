import { distance as levenshtein } from "fastest-levenshtein";

/** Small helpers of FaqIndex: typo distances, the n-th largest score, pair keys. */

/** Allowed edit distance for a word of this length: 0 below 4 letters, 1 from 4, 2 from 8. */
export function maxTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Levenshtein distance, counting one swap of neighbouring letters ("dafatr") as a single typo. */
export function typoDistance(a: string, b: string): number {
  const d = levenshtein(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first >= 0) return i === first + 1 && a[first] === b[i] && a[i] === b[first] ? 1 : 2;
    first = i;
  }
  return d;
}

/** The n-th largest score (or -Infinity when there are fewer), without sorting them all. */
export function nthLargest(totals: Iterable<{ score: number }>, n: number): number {
  const top: number[] = [];
  for (const { score } of totals) {
    if (top.length === n && score <= (top[n - 1] as number)) continue;
    let i = top.length === n ? n - 1 : top.length;
    while (i > 0 && (top[i - 1] as number) < score) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = score;
  }
  return top.length === n ? (top[n - 1] as number) : -Infinity;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
