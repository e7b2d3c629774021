import Taro from '@tarojs/taro';

export function initCloud(): void {
  if (!Taro.cloud) {
    console.error('[cloud] 当前基础库不支持云开发，请在开发者工具里选择 2.2.3 以上的基础库');
    return;
  }
  // Empty env (the committed .env) means the mini-program's default CloudBase environment.
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}
