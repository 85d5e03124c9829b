import { isBroadcaster } from '../api/session';
import { useMe } from '../api/useMe';
import { SignInForm } from '../operator/SignInForm';
import { PageHeader } from '../shell/PageHeader';
import { GoLiveStudio } from './GoLiveStudio';

/** Go Live: broadcasters publish from their camera or screen over WHIP. */
export function GoLivePage() {
  const { user, recheck } = useMe();
  return (
    <>
      <PageHeader title="Go Live" lead="Publish from your camera or screen, straight from the browser, with sub-second delay." />
      {user === null && (
        <section className="panel">
          <SignInForm onSignedIn={recheck} label="Broadcaster sign-in" lead="Sign in as a broadcaster to go live." />
        </section>
      )}
      {user && !isBroadcaster(user) && (
        <div className="notice" data-state="info">
          <p>
            <strong>Going live needs the broadcaster role.</strong> Ask an administrator to grant it to {user.email}.
          </p>
        </div>
      )}
      {user && isBroadcaster(user) && <GoLiveStudio />}
    </>
  );
}
