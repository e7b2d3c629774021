export default definePageConfig({ navigationBarTitleText: '迎查材料包' });
