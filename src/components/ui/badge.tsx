import type { HTMLAttributes } from 'react';
import { cn } from './cn';

const TONES = {
  neutral: 'bg-muted text-muted-foreground',
  primary: 'bg-secondary text-secondary-foreground',
  success: 'bg-success/12 text-success',
  warning: 'bg-warning/15 text-warning',
  danger: 'bg-destructive/12 text-destructive',
} as const;
export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={cn('inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium first-letter:uppercase', TONES[tone], className)} {...props} />;
}
