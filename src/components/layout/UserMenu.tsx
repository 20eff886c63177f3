'use client';

import { UserButton } from '@clerk/nextjs';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * Clerk's UserButton, mounted only after hydration: its output depends on
 * whether clerk-js has loaded, which differs between the server render and
 * the browser's first render (the "Hydration failed" seen on the header).
 * Until then a placeholder of the same size holds its place.
 */
export function UserMenu({ label }: { label: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const placeholder = <span className="block size-8 animate-pulse rounded-full bg-muted" aria-label={label} role="img" data-testid="user-menu-placeholder" />;
  return (
    <div className="flex size-8 items-center justify-center" data-testid="user-menu">
      {hydrated ? <UserButton fallback={placeholder} /> : placeholder}
    </div>
  );
}
