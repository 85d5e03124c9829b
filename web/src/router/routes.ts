/** The app's pages and which path shows which. */

export type PageId = 'watch' | 'go-live' | 'operator' | 'account' | 'not-found';

export interface NavItem {
  readonly page: Exclude<PageId, 'not-found'>;
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

/** The page for `pathname`; `/` is the Watch page, a trailing slash is ignored. */
export function pageFor(pathname: string): PageId {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return 'watch';
  return NAV_ITEMS.find((item) => item.path === path)?.page ?? 'not-found';
}
