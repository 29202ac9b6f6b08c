export { exclusivityClauseDetector, type ExclusivityClausePartial } from './exclusivity-clause.detector';
export { classifyClause, clauseLanguage, type ClauseVerdict } from './clause-classifier';
export { splitClauses, type ClauseSpan } from './clause-splitter';
export { scanDocument, type ViolatingClause } from './document-scanner';
