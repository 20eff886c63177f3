import { frFR } from '@clerk/localizations/fr-FR';
import { frOverrides, mergeLocalization, withFrenchSpacing } from './overrides';

export const localization = withFrenchSpacing(mergeLocalization(frFR, frOverrides));
