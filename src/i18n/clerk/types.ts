import type { ClerkProvider } from '@clerk/nextjs';
import type { ComponentProps } from 'react';

/** Clerk's localization object, as ClerkProvider takes it. */
export type ClerkLocalization = NonNullable<ComponentProps<typeof ClerkProvider>['localization']>;
