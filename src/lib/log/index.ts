import pino from 'pino';
import { logLevel } from '@/lib/env';

// One structured logger for the server. Secrets and raw webhook payloads are
// redacted wherever they might be passed in by mistake.
export const log = pino({
  level: logLevel(),
  base: undefined,
  redact: {
    paths: [
      'secret',
      '*.secret',
      'secretKey',
      '*.secretKey',
      'authorization',
      '*.authorization',
      'headers.authorization',
      'headers.cookie',
      'cookie',
      '*.cookie',
      'payload',
      '*.payload',
      'body',
      '*.body',
    ],
    censor: '[redacted]',
  },
});
