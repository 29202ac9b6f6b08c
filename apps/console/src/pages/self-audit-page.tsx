import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { ListTable } from '../components/list-table';
import { navigate } from '../components/router';
import { useLoad } from '../components/use-load';
import { formatDateTime } from '../lib/format';
import type { Dataset } from './dataset-types';

/** A platform's own datasets: self-audits stay private until the platform submits them. */
export function SelfAuditPage() {
  const { api, t, tv, lang, fail } = useApp();
  const { data } = useLoad(() => api.get<Dataset[]>('/v1/datasets'), [api]);
  const [name, setName] = useState('');
  const [pack, setPack] = useState('cn');
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const created = await api.post<Dataset>('/v1/datasets', { name, scope: 'self_audit', rule_pack: pack });
      navigate(`/console/self-audit/${created.id}`);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section>
      <h1>{t('selfAuditTitle')}</h1>
      <p className="muted">{t('selfAuditHelp')}</p>
      <form onSubmit={create} className="inline-form panel" data-testid="dataset-new-form" aria-label={t('newDataset')}>
        <label>
          {t('datasetName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-testid="dataset-name" />
        </label>
        <label>
          {t('rulePack')}
          <select value={pack} onChange={(e) => setPack(e.target.value)} data-testid="dataset-rule-pack">
            <option value="cn">{tv('pack', 'cn')}</option>
            <option value="eu">{tv('pack', 'eu')}</option>
          </select>
        </label>
        <button type="submit" className="primary" data-testid="dataset-create">{t('createDataset')}</button>
      </form>
      <ListTable
        rows={data}
        testId="dataset-table"
        columns={[t('datasetName'), t('scope'), t('status'), t('rulePack'), t('created')]}
        row={(d) => (
          <tr key={d.id} data-testid="dataset-row" data-dataset-id={d.id}>
            <td><Link href={`/console/self-audit/${d.id}`} data-testid="dataset-link">{d.name}</Link></td>
            <td>{tv('scope', d.scope)}</td>
            <td>{tv('datasetStatus', d.status)}</td>
            <td>{tv('pack', d.rule_pack)}</td>
            <td>{formatDateTime(d.created_at, lang)}</td>
          </tr>
        )}
      />
    </section>
  );
}
