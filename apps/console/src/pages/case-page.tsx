import { useApp } from '../components/app-context';
import { useLoad } from '../components/use-load';
import { CaseClocks } from './case-clocks';
import { CaseLinks } from './case-links';
import { CaseNotes } from './case-notes';
import { CaseParties } from './case-parties';
import { CaseTasks } from './case-tasks';
import { CaseTimeline } from './case-timeline';
import { CaseTransition } from './case-transition';
import type { CaseDetail } from './case-types';
import { DossierPanel } from './dossier-panel';

export function CasePage({ id }: { id: string }) {
  const { api, t, tv, user } = useApp();
  const { data: c, reload } = useLoad(() => api.get<CaseDetail>(`/v1/cases/${id}`), [api, id]);
  if (!c) return <p>{t('loading')}</p>;
  const role = c.handler_id === user?.id ? t('youHandle') : c.approver_id === user?.id ? t('youApprove') : null;
  return (
    <article>
      <h1>
        <span data-testid="case-ref">{c.ref}</span> <span data-testid="case-title">{c.title}</span>
      </h1>
      <p>
        {t('status')}: <strong data-testid="case-status" data-status={c.status}>{tv('caseStatus', c.status)}</strong> · {t('platform')}: {c.platform_id}
        {role && <> · {role}</>}
      </p>
      {c.decision && (
        <p data-testid="case-decision-text">
          {t('decision')}: {c.decision}
        </p>
      )}
      <CaseClocks c={c} />
      <CaseTransition c={c} onChanged={reload} />
      <CaseLinks c={c} />
      <div className="columns">
        <CaseTasks c={c} onChanged={reload} />
        <CaseParties c={c} onChanged={reload} />
      </div>
      <CaseNotes caseId={c.id} onChanged={reload} />
      <DossierPanel caseId={c.id} />
      <CaseTimeline events={c.timeline} />
    </article>
  );
}
