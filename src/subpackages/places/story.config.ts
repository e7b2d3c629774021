export default definePageConfig({ navigationBarTitleText: '双拥故事', enableShareAppMessage: true });
