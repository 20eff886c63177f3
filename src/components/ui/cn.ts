/** Joins class names, skipping falsy ones (the one helper shadcn/ui's `cn` is for, without tailwind-merge's weight). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
