export default definePageConfig({ navigationBarTitleText: '创建周报' });
