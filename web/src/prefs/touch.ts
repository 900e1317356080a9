import { useSyncExternalStore } from 'react';

/** Follows a media query, re-rendering when it starts or stops matching (a phone turned, a window resized). */
function useMedia(query: MediaQueryList): boolean {
  return useSyncExternalStore(
    (l) => {
      query.addEventListener('change', l);
      return () => query.removeEventListener('change', l);
    },
    () => query.matches,
  );
}

// app.css uses the same breakpoints for what the component library does not draw.
const touch = window.matchMedia('(max-width: 40rem), (pointer: coarse)');
const narrow = window.matchMedia('(max-width: 40rem)');

/** A phone or another touch screen (a narrow window or a coarse pointer): controls of at least 44×44 CSS px. */
export const useTouch = () => useMedia(touch);

/** A phone-wide screen (640 CSS px or less), where tables become lists. */
export const useNarrow = () => useMedia(narrow);
