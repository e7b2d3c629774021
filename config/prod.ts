import type { UserConfigExport } from '@tarojs/cli';

export default {
  // Production builds minify JS with terser and WXSS with cssnano (Taro's default cssMinimizer, 'csso',
  // configures cssnano). WXML is compressed on upload (project.config.json setting.minifyWXML): Taro's
  // build-time switch, mini.minifyXML.collapseWhitespace, runs html-minifier, which drops the end tag of
  // <input> as an HTML void element, and WeChat refuses the template ("input expect end-tag"); it would
  // save 1.7 KB of base.wxml. scripts/size-weapp.ts checks all three.
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
