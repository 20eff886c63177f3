import type { Router } from '../router';
import type { Fapi } from './context';
import { environmentJson } from './environment';

// clerk-js 6 in a development instance starts with PATCH (a "touch"), then reads with GET.
export function environmentRoutes(r: Router, f: Fapi): void {
  const env = () => ({
    body: environmentJson({ instanceId: f.deps.instanceId, ...f.deps.settings.get() }),
  });
  r.get('/environment', env);
  r.patch('/environment', env);
}
