import type { Wallet } from '../api/money';
import { formatMoney } from './format';

/** Available and held money of a wallet, side by side; `testPrefix` names them for browser tests. */
export function WalletFigures({ wallet, heldLabel, testPrefix }: { wallet: Wallet; heldLabel: string; testPrefix: string }) {
  return (
    <dl className="wallet__figures">
      <div>
        <dt>Available</dt>
        <dd data-testid={`${testPrefix}-available`} data-minor={wallet.availableMinor}>
          {formatMoney(wallet.availableMinor, wallet.currency)}
        </dd>
      </div>
      <div>
        <dt>{heldLabel}</dt>
        <dd data-testid={`${testPrefix}-held`} data-minor={wallet.heldMinor}>
          {formatMoney(wallet.heldMinor, wallet.currency)}
        </dd>
      </div>
    </dl>
  );
}
