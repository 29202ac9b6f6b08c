/**
 * Reads one document clause by clause and returns the clauses that violate, with their
 * spans. Two things need more than the clause itself:
 *  - a list item is read after the sentence that introduces it ("商家不得有下列行为：
 *    （一）在其他平台开店；"), unless that sentence is already a finding on its own;
 *  - a clause that only states the consequence of a breach ("否则，平台将扣除保证金。") is read
 *    with the clause just before it.
 */
import { classifyClause, judge, judgeFollowUp, viewClause, type ClauseVerdict } from './clause-classifier';
import { splitClauses } from './clause-splitter';

export interface ViolatingClause {
  /** `[start, end)` in code points of the document text. */
  span: [number, number];
  text: string;
  /** The list's introductory sentence the clause was read with, if any. */
  leadIn: string | null;
  verdict: ClauseVerdict;
}

export function scanDocument(text: string): {
  clauses: number;
  violations: ViolatingClause[];
} {
  const clauses = splitClauses(text);
  const leadInAlone = new Map<string, ClauseVerdict | null>();
  const violations: ViolatingClause[] = [];
  let previous: ClauseVerdict | null = null;
  for (const clause of clauses) {
    const view = viewClause(clause.text);
    let verdict = judge(view);
    let leadIn: string | null = null;
    if (!verdict && clause.leadIn) {
      if (!leadInAlone.has(clause.leadIn)) leadInAlone.set(clause.leadIn, classifyClause(clause.leadIn));
      if (!leadInAlone.get(clause.leadIn)) {
        verdict = classifyClause(`${clause.leadIn} ${clause.text}`);
        if (verdict) leadIn = clause.leadIn;
      }
    }
    if (!verdict && previous) verdict = judgeFollowUp(view, previous);
    if (verdict)
      violations.push({
        span: [clause.start, clause.end],
        text: clause.text,
        leadIn,
        verdict,
      });
    previous = verdict;
  }
  return { clauses: clauses.length, violations };
}
