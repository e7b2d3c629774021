// A project's `testTimeout` is not honoured when jest runs the root's projects: set it here. The engine and
// fault suites spawn, kill and restart hosts; give them room on a shared 2-core machine.
jest.setTimeout(60_000);

// Every answer a function gives in these tests is checked against its schema in core/contracts (the router
// answers INTERNAL, with the issues, when one does not match). Hosts the suites spawn inherit it.
process.env.CHECK_ANSWERS = '1';
