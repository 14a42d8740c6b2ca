/** Generators of hostile inputs for the fuzz tests and the parse benchmark: small in tests, large in the bench. */

/** `n` DrugBank-like ids DB00001, DB00002 … starting after `offset` × n. */
export function dbIds(n: number, offset = 0): string[] {
  return Array.from({ length: n }, (_, i) => `DB${String(offset * n + i + 1).padStart(5, '0')}`);
}
