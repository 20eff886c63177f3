// Posting a server action as Next's client does — the `Next-Action` header
// naming the action in this build, the arguments in React's own encoding —
// with whatever session cookies the caller holds: what an attacker with a
// stale page or a replayed request sends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from '@playwright/test';

const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in .next/server/server-reference-manifest.json`);
  return found[0];
}

/** The browser's cookies for the app, as one Cookie header: the session the user has right now. */
export async function sessionCookie(context: BrowserContext, baseURL: string): Promise<string> {
  return (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Posts `(previousState = null, form)` to the action `exportedName` on `pageUrl`; returns the status, redirect target and body. */
export async function postAction(pageUrl: string, exportedName: string, fields: Record<string, string | File>, cookie: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(pageUrl, {
    method: 'POST',
    headers: { cookie, 'next-action': actionId(exportedName), accept: 'text/x-component' },
    body: await encodeReply([null, form]),
    redirect: 'manual',
  });
  // A redirect from an action posted this way is a 200 naming its target in x-action-redirect (Next's client follows it).
  return { status: response.status, redirect: response.headers.get('x-action-redirect'), body: await response.text() };
}
