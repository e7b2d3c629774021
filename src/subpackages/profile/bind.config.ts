export default definePageConfig({ navigationBarTitleText: '绑定部门' });
