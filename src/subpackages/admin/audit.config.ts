export default definePageConfig({ navigationBarTitleText: '操作记录与保存期限' });
