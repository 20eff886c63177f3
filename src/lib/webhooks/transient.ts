import mongoose from 'mongoose';
import { ClerkUnavailableError } from '@/lib/clerk';
import { DbConnectionError } from '@/lib/db';

/** Failures Svix should retry: Clerk 429/5xx/timeouts, MongoDB unreachable. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ClerkUnavailableError ||
    error instanceof DbConnectionError ||
    error instanceof mongoose.mongo.MongoNetworkError ||
    error instanceof mongoose.mongo.MongoServerSelectionError ||
    error instanceof mongoose.mongo.MongoNotConnectedError
  );
}
