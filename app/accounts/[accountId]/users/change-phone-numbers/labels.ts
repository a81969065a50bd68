import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '@/lib/telephony/phone-change-file';

export const TITLE = 'Change phone numbers from a file';

/** "3 rows", "1 row". */
export const rowsCount = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/** The outcomes a file has, in the order they are listed, with their counts. */
export function countsList(counts: Record<Outcome, number>, applied: boolean): { outcome: Outcome; text: string; n: number }[] {
  return OUTCOMES.filter((o) => counts[o] > 0).map((o) => ({
    outcome: o,
    n: counts[o],
    text: applied ? OUTCOME_LABELS[o].applied : OUTCOME_LABELS[o].dryRun,
  }));
}

export const CHANGES: readonly Outcome[] = ['assign', 'unassign', 'set-permissions'];
