// Only the NutUI components the app uses, from the ES build (the package root pulls lottie, which needs a canvas).
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index.js';
