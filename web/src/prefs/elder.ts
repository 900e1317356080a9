import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../auth/session.ts';

/**
 * The elder-friendly mode (适老化): larger type, higher contrast, a simpler layout. Remembered per user on this
 * device, so a grandparent's choice holds on the family tablet without changing their grandchild's screen.
 */
const key = (subject?: string) => `tongban.elder.${subject ?? 'guest'}`;
const listeners = new Set<() => void>();
let on = false;
let owner: string | undefined;

function apply(): void {
  document.documentElement.classList.toggle('elder', on);
  for (const l of listeners) l();
}

/** Loads the user's choice; one who never chose keeps what was on before they signed in. */
function loadFor(subject: string | undefined): void {
  owner = subject;
  const saved = localStorage.getItem(key(subject));
  if (saved !== null) on = saved === 'on';
  apply();
}

export function setElder(value: boolean): void {
  on = value;
  localStorage.setItem(key(owner), value ? 'on' : 'off');
  apply();
}

loadFor(undefined);

export function useElder(): [boolean, (value: boolean) => void] {
  const session = useSession();
  useEffect(() => {
    if (session?.subject !== owner) loadFor(session?.subject);
  }, [session?.subject]);
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => on,
  );
  return [value, setElder];
}
