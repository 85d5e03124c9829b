import { PageHeader } from '../shell/PageHeader';

/** Go Live: says plainly that publishing from this page is not built yet, and how to publish today. */
export function GoLivePage() {
  return (
    <>
      <PageHeader title="Go Live" lead="Where broadcasters will start a stream from their camera." />
      <div className="notice" data-state="info">
        <p>
          <strong>Publishing from this page is not built yet.</strong> The server already takes WHIP:
          create a stream with <code>POST /api/streams</code>, keep its publish key, and publish from any
          WHIP client to <code>/api/streams/&lt;id&gt;/whip</code> with the key as the bearer token.
        </p>
      </div>
    </>
  );
}
