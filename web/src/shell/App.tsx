import { useEffect, useRef } from 'react';
import { OperatorPage } from '../operator/OperatorPage';
import { AccountPage } from '../account/AccountPage';
import { OddsFormatProvider } from '../betting/useOddsFormat';
import { GoLivePage } from '../golive/GoLivePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { usePath } from '../router/history';
import { pageFor, streamIdFor, type PageId } from '../router/routes';
import { PlayerPage } from '../watch/PlayerPage';
import { WatchPage } from '../watch/WatchPage';
import { Masthead } from './Masthead';

const TITLES: Record<PageId, string> = {
  watch: 'Watch',
  stream: 'Watch',
  'go-live': 'Go Live',
  operator: 'Operator',
  account: 'Account',
  'not-found': 'Page not found',
};

/** The app shell: skip link, masthead, the current page and the footer, with the bettor's odds format. */
export function App() {
  const path = usePath();
  const page = pageFor(path);
  useDocumentTitle(page);
  useFocusOnNavigation(page);

  return (
    <OddsFormatProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Masthead current={page} />
      <main id="main" tabIndex={-1} className="page">
        <CurrentPage page={page} path={path} />
      </main>
      <footer className="site-footer">
        <p>Slipstream · live sport, measured as it happens</p>
      </footer>
    </OddsFormatProvider>
  );
}

function CurrentPage({ page, path }: { page: PageId; path: string }) {
  switch (page) {
    case 'watch':
      return <WatchPage />;
    case 'stream': {
      const id = streamIdFor(path);
      return id === null ? <NotFoundPage /> : <PlayerPage key={id} streamId={id} />;
    }
    case 'go-live':
      return <GoLivePage />;
    case 'operator':
      return <OperatorPage />;
    case 'account':
      return <AccountPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

function useDocumentTitle(page: PageId) {
  useEffect(() => {
    // A stream's page names the stream itself (PlayerPage), as the server-rendered title does.
    if (page !== 'stream') document.title = `${TITLES[page]} · Slipstream`;
  }, [page]);
}

/** Moves focus to the new page's heading after in-app navigation, as a page load would. */
function useFocusOnNavigation(page: PageId) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [page]);
}
