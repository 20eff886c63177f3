/** Tenantry's mark (also src/app/icon.svg): stacked tenants in a rounded square. */
export function AppLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#4f46e5" />
      <path d="M9 11h14M16 11v12" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
      <circle cx="23" cy="22" r="2.6" fill="#a5b4fc" />
    </svg>
  );
}
