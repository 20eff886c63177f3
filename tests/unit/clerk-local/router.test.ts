import { describe, expect, it } from 'vitest';
import { Router } from '../../../tools/clerk-local/router';

describe('clerk-local router', () => {
  const r = new Router('/v1');
  r.get('/users/count', () => ({ body: 'count' }));
  r.get('/users/{user_id}', () => ({ body: 'user' }));
  r.patch('/organizations/{organization_id}/memberships/{user_id}', () => ({}));

  it('prefers literal segments over parameters', () => {
    expect(r.match('GET', '/v1/users/count')?.template).toBe('/v1/users/count');
    expect(r.match('GET', '/v1/users/user_1')).toMatchObject({ template: '/v1/users/{user_id}', params: { user_id: 'user_1' } });
  });

  it('extracts several decoded params and matches the method', () => {
    expect(r.match('PATCH', '/v1/organizations/org_1/memberships/user%5F2')?.params).toEqual({ organization_id: 'org_1', user_id: 'user_2' });
    expect(r.match('GET', '/v1/organizations/org_1/memberships/user_2')).toBeNull();
  });
});
