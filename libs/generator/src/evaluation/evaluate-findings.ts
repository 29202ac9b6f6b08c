/**
 * Scores a detector run against the labels of a generated dataset, per detector.
 *
 * A finding matches a label when detector and platform are equal, `kind` is equal (when the
 * label names one), and every `match` field equals the finding's subject field, or is one of
 * its elements when that subject field is an array (e.g. exclusivity_conduct's merchant_ids).
 * Alerts are findings of severity other than `info`.
 *  - tp: alerts that match a label expected to `alert` under the pack;
 *  - fp: alerts that match no such label (listed with their summaries);
 *  - fn: `alert` labels that no alert matches (listed by case id);
 *  - precision = tp / (tp + fp), 1 when there are no alerts;
 *  - recall = matched alert labels / alert labels, 1 when there are none (counting labels, not
 *    alerts, so two alerts on one case cannot lift recall).
 * `info` labels are reported apart: how many an `info` finding matches, and which it misses.
 */
import { DETECTOR_NAMES, type DetectorName, type Finding } from '@fairmarket/contract';
import type { RulePackName } from '@fairmarket/rules';
import type { Label } from '../scenario';

export interface DetectorScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** `${finding id}: ${summary}` of each false alert. */
  false_positives: string[];
  /** Case ids of alert labels no alert matched. */
  missed: string[];
  /** Labels expected to give an `info` finding under the pack. */
  info_labels: number;
  info_matched: number;
  info_missed: string[];
}

export function findingMatchesLabel(finding: Finding, label: Label): boolean {
  if (finding.detector !== label.detector || finding.platform_id !== label.platform_id) return false;
  if (label.kind !== null && finding.kind !== label.kind) return false;
  return Object.entries(label.match).every(([field, expected]) => {
    const actual = finding.subject[field];
    return Array.isArray(actual) ? actual.includes(expected) : actual === expected;
  });
}

function isAlert(finding: Finding): boolean {
  return finding.severity !== 'info';
}

export function evaluateFindings(findings: readonly Finding[], labels: readonly Label[], pack: RulePackName): Record<DetectorName, DetectorScore> {
  const scores = {} as Record<DetectorName, DetectorScore>;
  for (const detector of DETECTOR_NAMES) {
    const mine = findings.filter((f) => f.detector === detector);
    const alerts = mine.filter(isAlert);
    const infos = mine.filter((f) => !isAlert(f));
    const alertLabels = labels.filter((l) => l.detector === detector && l.expected[pack] === 'alert');
    const infoLabels = labels.filter((l) => l.detector === detector && l.expected[pack] === 'info');

    const falseAlerts = alerts.filter((f) => !alertLabels.some((l) => findingMatchesLabel(f, l)));
    const missed = alertLabels.filter((l) => !alerts.some((f) => findingMatchesLabel(f, l)));
    const infoMissed = infoLabels.filter((l) => !infos.some((f) => findingMatchesLabel(f, l)));
    const tp = alerts.length - falseAlerts.length;

    scores[detector] = {
      tp,
      fp: falseAlerts.length,
      fn: missed.length,
      precision: alerts.length === 0 ? 1 : tp / alerts.length,
      recall: alertLabels.length === 0 ? 1 : (alertLabels.length - missed.length) / alertLabels.length,
      false_positives: falseAlerts.map((f) => `${f.id}: ${f.summary}`),
      missed: missed.map((l) => l.case_id),
      info_labels: infoLabels.length,
      info_matched: infoLabels.length - infoMissed.length,
      info_missed: infoMissed.map((l) => l.case_id),
    };
  }
  return scores;
}
