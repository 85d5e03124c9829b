import { PageHeader } from '../shell/PageHeader';

/** Go Live: says plainly that browser publishing is not built yet. */
export function GoLivePage() {
  return (
    <>
      <PageHeader title="Go Live" lead="Where broadcasters will start a stream from their camera." />
      <div className="notice" data-state="info">
        <p>
          <strong>Publishing from the browser arrives with the media plane.</strong> Until then there is
          nothing to set up here.
        </p>
      </div>
    </>
  );
}
