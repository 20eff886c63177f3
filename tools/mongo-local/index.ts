// tools/mongo-local: a MongoDB wire-protocol server for offline development
// and tests (DESIGN.md §5). mongoose and the official driver connect to it
// with a plain mongodb:// URI.
export { PortInUseError, startMongoLocal, type MongoLocal, type MongoLocalOptions } from './server';
