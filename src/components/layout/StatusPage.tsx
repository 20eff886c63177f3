import type { ReactNode } from 'react';

type Props = { code?: string; title: string; body: ReactNode; actions?: ReactNode; testId: string; role?: 'alert' };

/** The centred message of the 403, not-found, error and signed-out pages. */
export function StatusPage({ code, title, body, actions, testId, role }: Props) {
  return (
    <section className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center" data-testid={testId} role={role}>
      {code && <p className="text-sm font-semibold tracking-widest text-primary">{code}</p>}
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <div className="mt-3 text-muted-foreground">{body}</div>
      {actions && <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>}
    </section>
  );
}
