import type { ReactNode } from 'react';

/** A page's title and one-line lead. The heading takes focus after in-app navigation. */
export function PageHeader({ title, lead }: { title: string; lead: ReactNode }) {
  return (
    <div className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="page-header__lead">{lead}</p>
    </div>
  );
}
