export { RESERVED_SHORT_NAMES, SHORT_NAME_PATTERN, isValidShortName } from './shortName';
