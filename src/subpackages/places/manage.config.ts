export default definePageConfig({ navigationBarTitleText: '管理身边' });
