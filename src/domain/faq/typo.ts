import { distance as levenshtein } from "fastest-levenshtein";

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
