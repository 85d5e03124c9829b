import { PageHeader } from '../shell/PageHeader';

/** Account: says plainly that accounts are not built yet. */
export function AccountPage() {
  return (
    <>
      <PageHeader title="Account" lead="Where you will manage your profile, wallet and bets." />
      <div className="notice" data-state="info">
        <p>
          <strong>Sign-in, wallets and bet history arrive with the ledger.</strong> Until then there is no
          account to show.
        </p>
      </div>
    </>
  );
}
