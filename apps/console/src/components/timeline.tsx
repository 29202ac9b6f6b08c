import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format';
import { useApp } from './app-context';

export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
}

/**
 * What happened, oldest first: when, what kind of event, and what changed. The alert history and the
 * case timeline read alike, so a regulator who knows one reads the other; `name` names the list, its
 * heading and its items (`history`, `history-item`) for the browser tests.
 */
export function Timeline<E extends TimelineEvent>({ name, title, events, kindLabel, describe, extra }: {
  name: string;
  title: string;
  events: E[];
  kindLabel: (kind: string) => string;
  describe: (event: E) => ReactNode;
  extra?: (event: E) => ReactNode;
}) {
  const { lang } = useApp();
  return (
    <section aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{title}</h2>
      <ol data-testid={name} className="timeline">
        {events.map((e) => (
          <li key={e.id} data-testid={`${name}-item`} data-kind={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{kindLabel(e.kind)}</strong> {describe(e)}
            {extra?.(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
