/** The app's pages and which path shows which. */

export type PageId = 'watch' | 'stream' | 'go-live' | 'operator' | 'account' | 'not-found';

export interface NavItem {
  readonly page: Exclude<PageId, 'not-found' | 'stream'>;
  readonly path: string;
  readonly label: string;
}

/** The main navigation, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { page: 'watch', path: '/watch', label: 'Watch' },
  { page: 'go-live', path: '/go-live', label: 'Go Live' },
  { page: 'operator', path: '/operator', label: 'Operator' },
  { page: 'account', path: '/account', label: 'Account' },
];

const STREAM_PATH = /^\/watch\/(str_[a-z0-9]{16})$/;

/** The page for `pathname`; `/` is the Watch page, a trailing slash is ignored. */
export function pageFor(pathname: string): PageId {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return 'watch';
  if (STREAM_PATH.test(path)) return 'stream';
  return NAV_ITEMS.find((item) => item.path === path)?.page ?? 'not-found';
}

/** The stream id of a `/watch/<id>` path, or null. */
export function streamIdFor(pathname: string): string | null {
  return STREAM_PATH.exec(pathname.replace(/\/+$/, ''))?.[1] ?? null;
}

/** The path of one stream's player page. */
export function streamPath(id: string): string {
  return `/watch/${id}`;
}
