// Sharing a pool's quota out to its departments (rules.md §4.4, allocation "department"): the
// largest-remainder method, in whole numbers, so that the shares always add up to Q.

/**
 * Department d with n_d of the N graded persons gets floor(Q × n_d / N); the places left go one
 * each to the largest remainders (Q × n_d mod N), a tie going to the larger department, then to
 * the one given first. `persons` lists n_d in the order the departments first appear in 人员.
 * N = 10, Q = 4, departments of 5, 3, 2 → 2, 1, 1. Q ≤ N, so no share exceeds its department.
 */
export function allocateQuota(quota: number, persons: readonly number[]): number[] {
  const total = persons.reduce((a, b) => a + b, 0);
  if (total === 0) return persons.map(() => 0);
  // Q × n_d stays far below 2^53 for any real pool, so integer arithmetic on numbers is exact.
  const shares = persons.map((n) => Math.floor((quota * n) / total));
  const remainders = persons.map((n) => (quota * n) % total);
  const left = quota - shares.reduce((a, b) => a + b, 0);
  const byRemainder = persons
    .map((_, i) => i)
    .sort((a, b) => remainders[b]! - remainders[a]! || persons[b]! - persons[a]! || a - b);
  for (const i of byRemainder.slice(0, left)) shares[i]! += 1;
  return shares;
}
