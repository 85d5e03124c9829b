import { isBettor, signOut } from '../api/session';
import { useMe } from '../api/useMe';
import { SignInForm } from '../operator/SignInForm';
import { PageHeader } from '../shell/PageHeader';
import { useState } from 'react';
import { BreakPanel } from './BreakPanel';
import { DeletePanel } from './DeletePanel';
import { ExportPanel } from './ExportPanel';
import { LimitsPanel } from './LimitsPanel';
import { RegisterForm } from './RegisterForm';
import { WalletPanel } from './WalletPanel';
import { WithdrawPanel } from './WithdrawPanel';

/** Account: sign in or register; then wallet, deposits and withdrawals, limits, breaks, data export and erasure. */
export function AccountPage() {
  const { user, recheck } = useMe();
  const [erased, setErased] = useState(false);
  const [withdrawals, setWithdrawals] = useState(0);
  if (user === undefined) return <PageHeader title="Account" lead="Checking who is signed in…" />;
  if (user === null) {
    return (
      <>
        <PageHeader title="Account" lead="Sign in, or register to get a wallet and bet on what happens next." />
        {erased && (
          <div className="notice" data-state="info" role="status">
            <p>
              <strong>Your account is deleted.</strong> Your email, name and password are gone and every session has ended.
            </p>
          </div>
        )}
        <div className="panels">
          <section className="panel" aria-label="Sign in">
            <SignInForm onSignedIn={recheck} label="Sign in" lead="Welcome back." />
          </section>
          <section className="panel" aria-label="New account">
            <RegisterForm onSignedIn={recheck} />
          </section>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Account" lead={`Signed in as ${user.displayName} (${user.email}).`} />
      <p>
        <button type="button" className="button" onClick={() => void signOut().then(recheck)}>
          Sign out
        </button>
      </p>
      <div className="panels">
        {isBettor(user) && <WalletPanel changedElsewhere={withdrawals} />}
        {isBettor(user) && <WithdrawPanel onStarted={() => setWithdrawals((n) => n + 1)} />}
        {isBettor(user) && <LimitsPanel />}
        {isBettor(user) && <BreakPanel />}
        <ExportPanel />
        <DeletePanel
          onErased={() => {
            setErased(true);
            void signOut().then(recheck);
          }}
        />
      </div>
    </>
  );
}
