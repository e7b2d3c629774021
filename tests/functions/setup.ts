// A project's `testTimeout` is not honoured when jest runs the root's projects: set it here. The engine and
// fault suites spawn, kill and restart hosts; give them room on a shared 2-core machine.
jest.setTimeout(60_000);
