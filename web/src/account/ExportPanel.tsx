import { exportMyData } from '../api/money';
import { ActionOutcome, useApiAction } from './ApiAction';

/** Downloads everything the server holds about the player as one JSON file. */
export function ExportPanel() {
  const action = useApiAction();
  const download = () =>
    void action.run(exportMyData, (data) => {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'slipstream-my-data.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return 'Your data was downloaded as slipstream-my-data.json.';
    });
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Your data</h2>
      <p className="hint">Account, wallet history, deposits, withdrawals, limits and sign-in records.</p>
      <button type="button" className="button" disabled={action.busy} onClick={download}>
        Export my data
      </button>
      <ActionOutcome error={action.error} done={action.done} />
    </section>
  );
}
