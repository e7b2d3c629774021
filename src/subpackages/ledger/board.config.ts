export default definePageConfig({ navigationBarTitleText: '创建进度' });
