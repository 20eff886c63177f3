// Placeholder until tools/mongo-local lands (issue 3): nothing to start yet.
export default function setup(): void {}
