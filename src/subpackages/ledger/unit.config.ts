export default definePageConfig({ navigationBarTitleText: '本单位创建任务' });
