export default definePageConfig({ navigationBarTitleText: '三率统计' });
