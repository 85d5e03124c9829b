import { Link } from '../router/Link';
import { PageHeader } from '../shell/PageHeader';

/** Shown for any path the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" lead="There is no page at this address." />
      <p>
        <Link to="/watch" className="button">
          Go to Watch
        </Link>
      </p>
    </>
  );
}
