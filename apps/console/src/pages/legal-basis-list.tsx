import { useApp } from '../components/app-context';
import { citationView } from '../lib/legal-basis';

export function LegalBasisList({ codes }: { codes: string[] }) {
  const { t, lang } = useApp();
  return (
    <section aria-labelledby="legal-heading">
      <h2 id="legal-heading">{t('legalBasis')}</h2>
      <ul data-testid="legal-basis" className="citations">
        {codes.map((code) => {
          const c = citationView(code, lang);
          return (
            <li key={code} data-testid="legal-citation" data-code={code}>
              <strong>{c.title}</strong> {c.article} <span className="muted">({code})</span>
              {c.text && <blockquote>{c.text}</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
