/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built; Taro replaces it at build time. */
    TARO_ENV?: 'weapp' | 'h5';
    /** CloudBase environment id for the weapp build; empty means the default one (.env). */
    TARO_APP_CLOUD_ENV?: string;
  }
}
