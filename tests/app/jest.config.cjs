const path = require('node:path');

/**
 * Components in jsdom (docs/toolchain.md): Taro's React components are its web components, @tarojs/taro is
 * a small stand-in, styles are stubs, and platform files resolve to H5.
 */
module.exports = {
  displayName: 'app',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tests/app/**/*.test.ts?(x)'],
  testEnvironment: 'jsdom',
  // Taro picks `x.h5.ts` over `x.ts` for the H5 build; resolve the same way here.
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/tests/app/support/taro-stub.ts',
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
    '\\.(css|scss)$': '<rootDir>/tests/app/support/style-stub.js',
  },
  transform: {
    '^.+\\.[cm]?[tj]sx?$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'es2022',
          esModuleInterop: true,
          allowJs: true,
          jsx: 'react-jsx',
          resolveJsonModule: true,
          isolatedModules: true,
        },
      },
    ],
  },
  // These packages ship ES modules only: compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|@swc/helpers|classnames|tslib|swiper|\\.pnpm)/)'],
  // Taro's runtime feature flags, normally defined by its webpack plugin.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  setupFilesAfterEnv: ['<rootDir>/tests/app/support/setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
};
