import { alertTimeline, auditCustody, caseTimeline, platformAnswers, type AlertEventRow } from './case-history';

const names = new Map([
  ['u-reg', 'Li Wei · SAMR'],
  ['u-plat', 'Compliance · Platform A'],
]);
const alerts = [{ id: 'a-1', finding_id: 'f-1', platform_id: 'pa' }];
const events: AlertEventRow[] = [
  { alert_id: 'a-1', at: '2026-04-01T00:00:00Z', actor_id: null, kind: 'created', body: { severity: 'high', run_id: 'r-1' } },
  { alert_id: 'a-1', at: '2026-04-02T00:00:00Z', actor_id: 'u-reg', kind: 'notified', body: { platform_id: 'pa' } },
  { alert_id: 'a-1', at: '2026-04-03T00:00:00Z', actor_id: 'u-plat', kind: 'response', body: { note: 'Clause removed.' } },
  { alert_id: 'a-1', at: '2026-04-04T00:00:00Z', actor_id: 'u-plat', kind: 'evidence', body: { files: [{ id: 'e-1', file_name: 'rules-v2.pdf', sha256: 'ab'.repeat(32), size_bytes: 36 }] } },
];

describe('a case dossier from the case history', () => {
  it("takes the platform's answers and the files sent with them, naming the finding and who answered", () => {
    expect(platformAnswers(alerts, events, names)).toEqual([
      { at: '2026-04-03T00:00:00.000Z', from: 'pa · Compliance · Platform A', text: 'Clause removed.', finding_id: 'f-1' },
      { at: '2026-04-04T00:00:00.000Z', from: 'pa · Compliance · Platform A', text: expect.stringContaining('evidence files'), finding_id: 'f-1', files: [{ name: 'rules-v2.pdf', sha256: 'ab'.repeat(32), bytes: 36 }] },
    ]);
  });

  it('tells case and alert events in both languages, with who did them', () => {
    const alertLines = alertTimeline(alerts, events, names);
    expect(alertLines[0]).toMatchObject({ event: expect.stringContaining('alert raised by detection (alert a-1, finding f-1): high, run r-1 — system'), event_zh: expect.stringContaining('检测生成告警') });
    expect(alertLines[2]!.event).toContain('Clause removed. — Compliance · Platform A');
    const caseLines = caseTimeline([{ at: new Date('2026-04-05T00:00:00Z'), actor_id: 'u-reg', kind: 'status', body: { from: 'lead', to: 'investigating' } }], names);
    expect(caseLines).toEqual([{ at: '2026-04-05T00:00:00.000Z', event: 'status changed: lead → investigating — Li Wei · SAMR', event_zh: '状态变更：lead → investigating' }]);
  });

  it('keeps each audit entry as a custody step with its sequence number and chain hash', () => {
    const [step] = auditCustody([{ seq: '42', at: '2026-04-06T00:00:00Z', actor_id: 'u-reg', actor_role: 'regulator', action: 'evidence.read', subject_type: 'alert_evidence', subject_id: 'e-1', detail: { alert_id: 'a-1' }, hash: 'cd'.repeat(32) }], names);
    expect(step).toEqual({ at: '2026-04-06T00:00:00.000Z', actor: 'Li Wei · SAMR (regulator)', action: 'evidence.read', detail: 'audit #42: alert_evidence e-1 {"alert_id":"a-1"}', sha256: 'cd'.repeat(32) });
  });
});
