/**
 * The app has no Node `process`: Taro replaces `process.env.<NAME>` with a literal at build time, and
 * only the names in NodeJS.ProcessEnv (types/global.d.ts) are replaced. Declared here so the app's
 * typecheck allows exactly those reads and nothing else of `process`.
 */
declare const process: { readonly env: NodeJS.ProcessEnv };
