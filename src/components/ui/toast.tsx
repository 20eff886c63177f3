'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { cn } from './cn';

type Toast = { id: number; message: string; tone: 'success' | 'error' };
type Notify = (message: string, tone?: Toast['tone']) => void;

const ToastContext = createContext<Notify>(() => undefined);

const VISIBLE_MS = 5_000;

/** "Done" messages after an action, announced politely to screen readers. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const notify = useCallback<Notify>((message, tone = 'success') => {
    next.current += 1;
    const id = next.current;
    setToasts((list) => [...list, { id, message, tone }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDone(toast.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast.id, onDone]);
  return (
    <div data-testid="toast" className={cn('pointer-events-auto rounded-lg border bg-card px-4 py-3 text-sm shadow-lg', toast.tone === 'error' ? 'border-destructive text-destructive' : 'border-success/40')}>
      {toast.message}
    </div>
  );
}

export function useToast(): Notify {
  return useContext(ToastContext);
}
