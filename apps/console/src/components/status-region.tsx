/** Polite live region: progress and "saved" messages reach screen-reader users without stealing focus. */
export function StatusRegion({ text }: { text: string }) {
  return (
    <p role="status" aria-live="polite" className="status-live" data-testid="status-live">
      {text}
    </p>
  );
}
