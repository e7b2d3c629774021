// H5 talks to the local host over HTTP (transport.h5.ts): there is nothing to initialise.
export function initCloud(): void {}
