import type { SigningKey } from '../keys';
import type { Router } from '../router';

export function jwksRoutes(r: Router, key: SigningKey): void {
  r.get('/jwks', () => ({ body: { keys: [key.jwk] } }));
}
