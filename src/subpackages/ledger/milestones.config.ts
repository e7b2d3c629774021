export default definePageConfig({ navigationBarTitleText: '创建节点' });
