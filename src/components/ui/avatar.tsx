import { cn } from './cn';

const SIZES = { sm: 'size-8 text-xs', md: 'size-10 text-sm', lg: 'size-16 text-xl' } as const;

/** Up to two initials of a name or an email address. */
function initialsOf(label: string): string {
  const words = label.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [...(words[0] ?? '?').slice(0, 2)];
  return letters.join('').toUpperCase();
}

type Props = { src?: string | null; label: string; alt?: string; size?: keyof typeof SIZES; square?: boolean; className?: string };

/**
 * A person's picture or an org's logo, else initials. `alt` describes the
 * image when it says something the text beside it does not; by default it is
 * decorative (the name is always written next to it).
 */
export function Avatar({ src, label, alt = '', size = 'md', square = false, className }: Props) {
  const shape = square ? 'rounded-lg' : 'rounded-full';
  if (src) {
    // Clerk hosts these images; next/image would only proxy them.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt={alt} className={cn(SIZES[size], shape, 'shrink-0 bg-muted object-cover', className)} />;
  }
  return (
    <span aria-hidden={alt ? undefined : true} role={alt ? 'img' : undefined} aria-label={alt || undefined} className={cn(SIZES[size], shape, 'inline-flex shrink-0 items-center justify-center bg-secondary font-semibold text-secondary-foreground', className)}>
      {initialsOf(label)}
    </span>
  );
}
