import { useEffect } from 'react';

/**
 * Keeps the document title equal to the page's heading (WCAG 2.4.2): screen readers announce
 * it on navigation and browser tabs and history stay tellable apart. Pages only write their
 * <h1>; headings that appear after data loads are picked up by the observer.
 */
export function usePageTitle(appName: string): void {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading && heading !== appName ? `${heading} · ${appName}` : appName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [appName]);
}
