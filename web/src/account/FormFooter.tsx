/** A form's submit button (with its busy wording) and the error the last attempt got. */
export function FormFooter({ busy, label, busyLabel, error }: { busy: boolean; label: string; busyLabel: string; error: string | null }) {
  return (
    <>
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {error && (
        <p className="sign-in__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
