import { cn } from './cn';

export function Spinner({ label, className }: { label: string; className?: string }) {
  return <span role="progressbar" aria-label={label} className={cn('inline-block size-8 animate-spin rounded-full border-3 border-muted border-t-primary', className)} />;
}
