import { useApp } from './app-context';

/** The API's own bilingual error message, announced at once (role=alert). */
export function ErrorBanner({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const { t } = useApp();
  return (
    <div role="alert" className={text ? 'error-banner' : 'error-banner empty'} data-testid="error">
      {text && (
        <>
          <span>{text}</span>
          <button type="button" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
