import { Link } from '../router/Link';
import { NAV_ITEMS, type PageId } from '../router/routes';
import { BrandMark } from './BrandMark';

/** The header on every page: brand and the main navigation, with the current page marked. */
export function Masthead({ current }: { current: PageId }) {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand__name">Slipstream</span>
        </Link>
        <nav aria-label="Main" className="nav">
          <ul className="nav__list">
            {NAV_ITEMS.map((item) => (
              <li key={item.page}>
                <Link
                  to={item.path}
                  className="nav__link"
                  aria-current={item.page === (current === 'stream' ? 'watch' : current) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
