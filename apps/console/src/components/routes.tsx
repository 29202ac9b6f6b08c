import { useEffect, type ReactElement } from 'react';
import { landingFor, mayOpen } from '../lib/roles';
import { AlertDetailPage } from '../pages/alert-detail-page';
import { AlertQueuePage } from '../pages/alert-queue-page';
import { CaseListPage } from '../pages/case-list-page';
import { CaseNewPage } from '../pages/case-new-page';
import { CasePage } from '../pages/case-page';
import { ComplaintFormPage } from '../pages/complaint-form-page';
import { ComplaintListPage } from '../pages/complaint-list-page';
import { ComplaintPage } from '../pages/complaint-page';
import { DatasetPage } from '../pages/dataset-page';
import { HomePage } from '../pages/home-page';
import { NotFoundPage } from '../pages/not-found-page';
import { SelfAuditPage } from '../pages/self-audit-page';
import { SignInPage } from '../pages/sign-in-page';
import { useApp } from './app-context';
import { matchRoute, navigate, useLocation } from './router';

type Page = (params: Record<string, string>) => ReactElement;

// Order matters: fixed paths before parameterised ones (`complaints/new` before `complaints/:id`).
const ROUTES: [string, Page][] = [
  ['/console', () => <HomePage />],
  ['/console/alerts', () => <AlertQueuePage />],
  ['/console/alerts/:id', (p) => <AlertDetailPage id={p.id} />],
  ['/console/cases', () => <CaseListPage />],
  ['/console/cases/new', () => <CaseNewPage />],
  ['/console/cases/:id', (p) => <CasePage id={p.id} />],
  ['/console/complaints', () => <ComplaintListPage />],
  ['/console/complaints/new', () => <ComplaintFormPage />],
  ['/console/complaints/:id', (p) => <ComplaintPage id={p.id} />],
  ['/console/self-audit', () => <SelfAuditPage />],
  ['/console/self-audit/:id', (p) => <DatasetPage id={p.id} />],
];

export function Routes() {
  const { user } = useApp();
  const { path, search } = useLocation();
  const signingIn = path === '/console/sign-in';

  useEffect(() => {
    if (!user && !signingIn) navigate(`/console/sign-in?next=${encodeURIComponent(path + search)}`, { replace: true });
    if (user && signingIn) {
      const next = new URLSearchParams(search).get('next');
      navigate(next && next.startsWith('/console/') && next !== '/console/sign-in' ? next : landingFor(user.role), { replace: true });
    }
    if (user && (path === '/console' || path === '/console/') && landingFor(user.role) !== '/console/') navigate(landingFor(user.role), { replace: true });
  }, [user, signingIn, path, search]);

  if (!user) return signingIn ? <SignInPage /> : null;
  if (!mayOpen(user.role, path)) return <NotFoundPage />;
  for (const [pattern, page] of ROUTES) {
    const params = matchRoute(pattern, path);
    if (params) return page(params);
  }
  return <NotFoundPage />;
}
