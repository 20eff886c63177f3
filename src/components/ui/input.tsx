import type { HTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

const FIELD = 'h-9 w-full rounded-md border border-input bg-card px-3 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(FIELD, className)} {...props} />;
}

/** A native select, styled: accessible and keyboard-friendly with no script. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, 'w-auto pr-8', className)} {...props} />;
}

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn('text-sm font-medium', className)} {...props} />;
}

/** A message under a field, announced to screen readers with the field (aria-describedby). */
export function FieldMessage({ tone = 'muted', className, ...props }: HTMLAttributes<HTMLParagraphElement> & { tone?: 'muted' | 'error' }) {
  return <p className={cn('text-sm', tone === 'error' ? 'text-destructive' : 'text-muted-foreground', className)} {...props} />;
}
