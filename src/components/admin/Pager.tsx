import type { ComponentProps } from 'react';
import { Link } from '@/i18n/navigation';
import { buttonClasses } from '@/components/ui/button';

type Href = ComponentProps<typeof Link>['href'];
type Props = { label: string; pageText: string; previous: string; next: string; previousHref: Href | null; nextHref: Href | null; testId?: string };

/** Previous / page n of m / next, as links (paging stays on the server). */
export function Pager({ label, pageText, previous, next, previousHref, nextHref, testId }: Props) {
  const link = buttonClasses({ variant: 'outline', size: 'sm' });
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-3 text-sm text-muted-foreground">
      {previousHref && (
        <Link href={previousHref} className={link}>
          {previous}
        </Link>
      )}
      <span data-testid={testId}>{pageText}</span>
      {nextHref && (
        <Link href={nextHref} className={link}>
          {next}
        </Link>
      )}
    </nav>
  );
}
