import { useApp } from './app-context';

/** Severity in words and colour (never colour alone), readable at 4.5:1. */
export function SeverityBadge({ severity }: { severity: string }) {
  const { tv } = useApp();
  return (
    <span className={`badge severity-${severity}`} data-testid="severity-badge" data-severity={severity}>
      {tv('severity', severity)}
    </span>
  );
}
