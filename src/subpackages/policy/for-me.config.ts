export default definePageConfig({ navigationBarTitleText: '适合我的政策' });
