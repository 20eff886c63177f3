/** Signed out → 401; anyone but a platform admin → 404, as if the route did not exist. */
export function denied(status: 401 | 404): Response {
  return Response.json({ error: status === 401 ? 'sign in first' : 'not found' }, { status });
}
