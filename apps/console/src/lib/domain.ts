/**
 * Domain vocabularies bundled from the server's own pure modules at build time, so the
 * console's selects can never offer a status or detector the API would refuse.
 */
export { ALERT_STATUSES, CLOSE_REASONS, nextStatuses, type AlertStatus } from '../../../../libs/workflow/src/alerts/alert-lifecycle';
export { CASE_STATUSES, type CaseStatus } from '../../../../libs/workflow/src/cases/case-lifecycle';
export { DETECTOR_NAMES } from '../../../../libs/contract/src/findings';

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const COMPLAINT_STATUSES = ['received', 'duplicate', 'detection_running', 'under_review', 'linked', 'closed'] as const;
export const COMPLAINT_CATEGORIES = ['price_discrimination', 'fake_promotion', 'below_cost_pricing', 'exclusivity', 'self_preferencing', 'other'] as const;
export const PARTY_ROLES = ['respondent', 'complainant', 'witness', 'other'] as const;
