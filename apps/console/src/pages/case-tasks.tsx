import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';
import { formatDateTime } from '../lib/format';
import type { CaseDetail } from './case-types';

export function CaseTasks({ c, onChanged }: { c: CaseDetail; onChanged: () => unknown }) {
  const { api, t, lang } = useApp();
  const { busy, run } = useAction();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const body = { title, ...(due ? { due_at: new Date(due).toISOString() } : {}) };
    if (await run(() => api.post(`/v1/cases/${c.id}/tasks`, body), onChanged)) {
      setTitle('');
      setDue('');
    }
  };
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t('tasks')}</h2>
      <ul data-testid="tasks" className="plain">
        {c.tasks.map((task) => (
          <li key={task.id} data-testid="task-item" data-done={String(Boolean(task.done_at))}>
            {task.done_at ? <s>{task.title}</s> : task.title}
            {task.due_at && <span className="muted"> · {t('due')} {formatDateTime(task.due_at, lang)}</span>}
            {task.done_at ? (
              <span className="muted"> · {t('doneAt', { at: formatDateTime(task.done_at, lang) })}</span>
            ) : (
              <button type="button" disabled={busy} onClick={() => run(() => api.post(`/v1/cases/${c.id}/tasks/${task.id}/done`), onChanged)} data-testid="task-done" aria-label={t('markDoneNamed', { title: task.title })}>
                {t('markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="stack">
        <label>
          {t('taskTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} data-testid="task-title" />
        </label>
        <label>
          {t('due')}
          <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="task-due" />
        </label>
        <button type="submit" disabled={busy} data-testid="task-add">{t('addTask')}</button>
      </form>
    </section>
  );
}
