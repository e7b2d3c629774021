export default definePageConfig({ navigationBarTitleText: '创建台账' });
