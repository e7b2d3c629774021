export default definePageConfig({ navigationBarTitleText: '全县单位' });
