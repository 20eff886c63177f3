// Starts the local stand-ins the app needs and returns the configuration that
// points the app at them. Shared by `npm run dev` (tools/dev.ts) and the e2e
// web server (tests/e2e/serve.ts).
import { type ClerkLocal, type ClerkLocalOptions, startClerkLocal } from './clerk-local';
import { type MongoLocal, PortInUseError, startMongoLocal } from './mongo-local';

export type LocalServicesOptions = {
  /** Start mongo-local (on this port, falling back to a free one when taken). */
  mongo?: { port: number; dataDir?: string; database: string } | false;
  clerk?: (ClerkLocalOptions & { port: number }) | false;
  /**
   * The host name the browser uses for the app. The browser must reach the
   * Frontend API on the same site, or it withholds clerk-local's cookies and
   * every clerk-js call starts a new client: `localhost` for `npm run dev`
   * (what Next prints), 127.0.0.1 where the app is opened by that address.
   */
  browserHost?: string;
};

export type LocalServices = {
  env: Record<string, string>;
  mongo?: MongoLocal;
  clerk?: ClerkLocal;
  stop: () => Promise<void>;
};

export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const env: Record<string, string> = {};
  const services: LocalServices = { env, stop: async () => {} };
  if (options.mongo) {
    const { port, dataDir, database } = options.mongo;
    services.mongo = await startMongoLocal({ port, dataDir }).catch((error: unknown) => {
      if (!(error instanceof PortInUseError)) throw error;
      return startMongoLocal({ port: 0, dataDir });
    });
    env.MONGODB_URI = `${services.mongo.uri}${database}`;
  }
  if (options.clerk) {
    services.clerk = await startClerkLocal(options.clerk);
    Object.assign(env, appEnvForClerkLocal(services.clerk, options.browserHost ?? '127.0.0.1'));
  }
  services.stop = async () => {
    await Promise.allSettled([services.clerk?.stop(), services.mongo?.stop()]);
  };
  return services;
}

/** Everything the app needs to reach clerk-local: Backend API, keys, and the Frontend API as a proxy. */
function appEnvForClerkLocal(clerk: ClerkLocal, browserHost: string): Record<string, string> {
  const frontendApi = `http://${browserHost}:${clerk.port}`;
  return {
    ...clerk.env(),
    NEXT_PUBLIC_CLERK_PROXY_URL: frontendApi,
    NEXT_PUBLIC_CLERK_JS_URL: `${frontendApi}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`,
    NEXT_PUBLIC_CLERK_UI_URL: `${frontendApi}/npm/@clerk/ui@1/dist/ui.browser.js`,
  };
}
