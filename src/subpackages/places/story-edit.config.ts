export default definePageConfig({ navigationBarTitleText: '编辑故事' });
