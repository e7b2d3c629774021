import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// Each platform gets its own output folder: the host serves dist/h5, WeChat DevTools opens dist/weapp.
// TARO_OUTPUT_ROOT builds elsewhere (the host's H5_DIR serves it), so two builds never share a folder.
const outputRoot = process.env.TARO_OUTPUT_ROOT ?? (process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp');
// core/ sits beside src/ (shared with the cloud functions): Taro compiles only src/ unless told.
const compile = { include: [path.resolve(__dirname, '..', 'core')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shuangyong-service',
    date: '2026-11-28',
    // The app's CSS is written in px at a 375 design width (src/app.css); Taro turns px into rpx and rem.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [
      // Accessible names in WeChat: Taro's weapp templates (base.wxml) drop aria-* and role, so the QR code,
      // the rate bars and the chips had no name for the screen reader. WeChat reads aria-role, aria-label
      // and the other aria-* on its components (aria-component, base library 2.7.1+); the plugin adds them to
      // the templates and to the runtime's attribute list. `role` (what H5 and axe read) becomes aria-role:
      // the value 'i.role' compiles to aria-role="{{i.pN||i.role}}". Only the attributes src/ uses are added,
      // each costs base.wxml bytes on every nesting level; scripts/check-weapp.ts fails on one it misses.
      // The plugin's latest is 4.1.11 and pins its peers to 4.1.11: package.json overrides them to ours.
      [
        '@tarojs/plugin-inject',
        {
          components: {
            View: {
              'aria-label': '',
              'aria-role': 'i.role',
              'aria-checked': '',
              'aria-selected': '',
              'aria-disabled': '',
              'aria-modal': '',
              'aria-live': '',
            },
            Text: { 'aria-label': '', 'aria-role': 'i.role' },
            Image: { 'aria-label': '', 'aria-role': 'i.role' },
            Button: { 'aria-label': '', 'aria-role': 'i.role', 'aria-disabled': '' },
            Input: { 'aria-label': '' },
          },
        },
      ],
    ],
    defineConstants: {},
    // WeChat's search index reads sitemap.json beside app.json (app.config.ts names it).
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: path.join(outputRoot, 'sitemap.json') }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      // The host falls back to index.html for unknown paths, but hash routing needs nothing from it.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
