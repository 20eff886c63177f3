import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Organization, WebhookEvent } from '@/lib/db';
import { configureAppEnv } from '../../helpers/appEnv';
import { clerkEvent, postToRoute, svixHeaders } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

const db = useTestDatabase();
beforeAll(() => configureAppEnv({ mongoUri: db.uri }));
beforeEach(async () => {
  await Promise.all([WebhookEvent.deleteMany({}), Organization.deleteMany({})]);
});

const event = clerkEvent('user.created', { id: 'user_reject', object: 'user' });
const body = JSON.stringify(event);

type Case = { name: string; body: string; headers: Record<string, string>; status: number };

function cases(): Case[] {
  const good = svixHeaders(body);
  const big = JSON.stringify({ ...event, padding: 'x'.repeat(2 * 1024 * 1024) });
  const notJson = '{"object":"event",';
  return [
    { name: 'no svix headers', body, headers: { 'content-type': 'application/json' }, status: 400 },
    { name: 'a signature made with another secret', body, headers: svixHeaders(body, { secret: `whsec_${Buffer.from('other').toString('base64')}` }), status: 401 },
    { name: 'a tampered body', body: body.replace('user_reject', 'user_evil00'), headers: good, status: 401 },
    { name: 'a timestamp 10 minutes old', body, headers: svixHeaders(body, { at: new Date(Date.now() - 10 * 60_000) }), status: 401 },
    { name: 'a body that is not JSON', body: notJson, headers: svixHeaders(notJson), status: 400 },
    { name: 'a 2 MB body', body: big, headers: svixHeaders(big), status: 413 },
    { name: 'a valid signature over something that is not an event', body: '[1,2]', headers: svixHeaders('[1,2]'), status: 422 },
  ];
}

// A genuine event whose data our schema refuses is not refused here: it is
// recorded as failed and acknowledged (tests/integration/webhooks/hygiene.test.ts).
describe('POST /api/webhooks/clerk refuses bad input', () => {
  for (const { name, status } of cases()) {
    it(`answers ${status} to ${name} and changes nothing`, async () => {
      const c = cases().find((x) => x.name === name)!;
      const response = await postToRoute(c.body, c.headers);
      expect(response.status).toBe(status);
      expect(response.json.status).toBe('rejected');
      expect(await WebhookEvent.countDocuments()).toBe(0);
      expect(await Organization.countDocuments()).toBe(0);
    });
  }
});
