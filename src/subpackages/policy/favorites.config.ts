export default definePageConfig({ navigationBarTitleText: '我收藏的政策' });
