import { authConfig } from './config.ts';
import { hostedSignOutUrl } from './oauth.ts';
import { currentSession, signOut } from './session.ts';

/** Forgets the token here and, when deployed, ends the provider's own session too (or it would sign back in). */
export async function signOutEverywhere(): Promise<void> {
  const pool = currentSession()?.pool;
  signOut();
  const config = await authConfig().catch(() => undefined);
  if (!config) return;
  const url = config.mode === 'hosted' && pool ? hostedSignOutUrl(config[pool]) : undefined;
  if (url) location.assign(url);
}
