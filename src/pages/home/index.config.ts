export default definePageConfig({ navigationBarTitleText: '双拥服务' });
