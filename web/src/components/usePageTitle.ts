import { useEffect } from 'react';

/** Each page names itself in the tab and to screen readers announcing the new page. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · 通办`;
  }, [title]);
}
