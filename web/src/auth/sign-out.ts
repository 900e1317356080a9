import { hostedSignOutUrl } from './cognito.ts';
import { authConfig } from './config.ts';
import { currentSession, signOut } from './session.ts';

/** Forgets the token here and, when deployed, ends the hosted UI's own session too (or it would sign back in). */
export async function signOutEverywhere(): Promise<void> {
  const pool = currentSession()?.pool;
  signOut();
  const config = await authConfig();
  if (config.mode === 'cognito' && pool) location.assign(hostedSignOutUrl(config[pool]));
}
