export default definePageConfig({ navigationBarTitleText: '双拥故事' });
