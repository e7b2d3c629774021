/** Prepares the platform's cloud access once at launch (weapp: Taro.cloud.init; h5: nothing). */
export declare function initCloud(): void;
