/**
 * The signed-in user of this browser: the gateway keeps the session in HttpOnly cookies, so the
 * app only asks who is signed in (`GET /api/me`) and signs in with `useCookies`. Unsafe requests
 * repeat the readable `slipstream_csrf` cookie in `X-CSRF-Token`.
 */
import { array, instant, nonEmptyString, object, string, type Decoder } from './decode';
import { fetchJson, type FetchResult } from './fetchJson';
import { callApi } from './request';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  createdAt: string;
}

export const me: Decoder<Me> = object<Me>({
  id: nonEmptyString,
  email: string,
  displayName: string,
  roles: array(string),
  createdAt: instant,
});

/** Who is signed in; a 401 means nobody, which is an answer, not a failure. */
export async function loadMe(signal: AbortSignal): Promise<FetchResult<Me | null>> {
  const result = await fetchJson(
    { path: '/api/me', what: 'me', decoder: me, acceptStatus: (status) => status === 401 },
    signal,
  );
  if (result.ok && !looksLikeAccount(result.value)) return { ok: true, value: null };
  return result;
}

function looksLikeAccount(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'roles' in value;
}

/** Whether the user may use the operator console. */
export function isOperator(user: Me | null): boolean {
  return user !== null && (user.roles.includes('operator') || user.roles.includes('admin'));
}

/** The value of the CSRF cookie, for `X-CSRF-Token`. */
export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'slipstream_csrf') return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Signs in with a cookie session; resolves to an error sentence, or null on success. */
export async function signIn(email: string, password: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password, useCookies: true }),
    });
  } catch {
    return 'The server could not be reached.';
  }
  if (response.ok) return null;
  try {
    const problem = (await response.json()) as { detail?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
  } catch {
    // Not a problem document; fall through.
  }
  return `Signing in failed (${response.status}).`;
}

/** Registers an account; resolves to an error sentence, or null on success. */
export async function register(email: string, password: string, displayName: string): Promise<string | null> {
  const result = await callApi({ method: 'POST', path: '/api/auth/register', body: { email, password, displayName } });
  return result.ok ? null : result.message;
}

/** Ends the cookie session. */
export async function signOut(): Promise<void> {
  await callApi({ method: 'POST', path: '/api/auth/logout', body: {} });
}

/** Whether the user may place bets and hold a wallet. */
export function isBettor(user: Me | null): boolean {
  return user !== null && (user.roles.includes('bettor') || user.roles.includes('admin'));
}

/** Whether the user may create streams and publish. */
export function isBroadcaster(user: Me | null): boolean {
  return user !== null && ['broadcaster', 'operator', 'admin'].some((role) => user.roles.includes(role));
}
