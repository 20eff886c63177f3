import { deDE } from '@clerk/localizations/de-DE';
import { deOverrides, mergeLocalization } from './overrides';

export const localization = mergeLocalization(deDE, deOverrides);
