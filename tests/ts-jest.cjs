/** ts-jest as the node-side projects use it: CommonJS output; type-checking is `npm run typecheck`'s job. */
module.exports = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      diagnostics: false,
      tsconfig: {
        module: 'commonjs',
        moduleResolution: 'node',
        target: 'es2022',
        esModuleInterop: true,
        jsx: 'react-jsx',
        resolveJsonModule: true,
        isolatedModules: true,
      },
    },
  ],
};
