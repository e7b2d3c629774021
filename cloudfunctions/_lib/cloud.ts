import cloud from 'wx-server-sdk';

// One init per warm instance; DYNAMIC_CURRENT_ENV follows the environment the function is deployed in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export { cloud };
export const db = (): ReturnType<typeof cloud.database> => cloud.database();
