'use client';

import dynamic from 'next/dynamic';
import { type ReactNode, useRef, useState } from 'react';
import type { ConfirmDialogContentProps } from './confirm-dialog-content';

// Radix's dialog and its helpers (~13 KB gzipped) load on the first click,
// not with the page: the members page stays within its JavaScript budget
// (DESIGN.md §6, `npm run bench`).
const ConfirmDialogContent = dynamic(() => import('./confirm-dialog-content').then((m) => m.ConfirmDialogContent), { ssr: false });

type Props = Omit<ConfirmDialogContentProps, 'open' | 'onOpenChange' | 'returnFocus'> & {
  /** The button that opens the dialog. */
  trigger: ReactNode;
};

/**
 * Asks before anything that cannot be undone with one click (remove a member,
 * revoke an invitation, change a role).
 */
export function ConfirmDialog({ trigger, ...content }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  return (
    <>
      {/* `contents`: the wrapper adds no box, the trigger lays out as before. A disabled button sends no click. */}
      <span
        className="contents"
        onClick={(event) => {
          opener.current = event.target instanceof Element ? event.target.closest('button') : null;
          setLoaded(true);
          setOpen(true);
        }}
      >
        {trigger}
      </span>
      {loaded && <ConfirmDialogContent {...content} open={open} onOpenChange={setOpen} returnFocus={() => opener.current?.focus()} />}
    </>
  );
}
