/** The Slipstream mark: a play triangle cutting through speed lines. Decorative. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M5 11h7M3 16h8M5 21h7" stroke="var(--bg)" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M14 8.5v15l12-7.5z" fill="var(--bg)" />
    </svg>
  );
}
