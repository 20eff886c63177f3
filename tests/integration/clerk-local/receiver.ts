// A small webhook endpoint for tests: verifies each delivery with svix's
// Webhook.verify and answers with whatever `respond` says for that request.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'svix';

export type Received = {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; data: Record<string, unknown>; object: string; timestamp: number; instance_id: string };
  verified: boolean;
  status: number;
};

/** `n` counts requests from 1; 'hang' never answers (a timeout). */
export type Respond = (n: number, payload: Received['payload']) => number | 'hang';

export async function startReceiver(secret: string, respond: Respond = () => 200) {
  const received: Received[] = [];
  const wh = new Webhook(secret);
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        wh.verify(body, {
          'svix-id': String(req.headers['svix-id']),
          'svix-timestamp': String(req.headers['svix-timestamp']),
          'svix-signature': String(req.headers['svix-signature']),
        });
        verified = true;
      } catch {
        verified = false;
      }
      const payload = JSON.parse(body) as Received['payload'];
      const answer = respond(++n, payload);
      const status = answer === 'hang' ? 0 : verified ? answer : 400;
      received.push({ id: String(req.headers['svix-id']), headers: req.headers, body, payload, verified, status });
      if (answer === 'hang') return;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/clerk`,
    received,
    types: () => received.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.payload.type),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
