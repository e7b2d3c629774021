const PRIMARY = '#b71c1c';

export default defineAppConfig({
  // Only the four tab pages live in the main package; every feature is a subpackage.
  pages: ['pages/home/index', 'pages/policies/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    { root: 'subpackages/profile', pages: ['index', 'bind', 'survey'] },
    { root: 'subpackages/admin', pages: ['index', 'templates', 'routing', 'calendar', 'audit', 'county', 'unit'] },
    { root: 'subpackages/workbench', pages: ['index', 'case'] },
    { root: 'subpackages/office', pages: ['index', 'case', 'record', 'stats'] },
    { root: 'subpackages/cases', pages: ['new', 'submitted', 'mine', 'detail'] },
    { root: 'subpackages/policy', pages: ['detail', 'favorites', 'for-me', 'admin/index', 'admin/edit'] },
    { root: 'subpackages/fairs', pages: ['index', 'detail', 'mine', 'manage', 'roster', 'checkin', 'edit'] },
    {
      root: 'subpackages/places',
      pages: ['index', 'place', 'stories', 'story', 'activities', 'activity', 'manage', 'place-edit', 'story-edit', 'activity-edit'],
    },
    {
      root: 'subpackages/ledger',
      pages: [
        'index',
        'task',
        'board',
        'report',
        'standard',
        'milestones',
        'reports',
        'weekly',
        'survey',
        'unit',
        'inspection',
        'assessment',
      ],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['subpackages/fairs', 'subpackages/places'] },
    'pages/policies/index': { network: 'all', packages: ['subpackages/policy'] },
    'pages/services/index': { network: 'all', packages: ['subpackages/cases'] },
    'pages/me/index': { network: 'all', packages: ['subpackages/profile', 'subpackages/admin'] },
  },
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarBackgroundColor: PRIMARY,
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '双拥服务',
    // Explicit, so the H5 build also draws the title bar with its back button.
    navigationStyle: 'default',
    backgroundColor: '#f4f4f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c5c5c',
    selectedColor: PRIMARY,
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tab/policies.png',
        selectedIconPath: 'assets/tab/policies-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tab/services.png',
        selectedIconPath: 'assets/tab/services-active.png',
      },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // H5 only: pages change without Taro's 300 ms slide. While a page slides out, Taro 4.2.1's H5 router
  // still counts it as the current page, so a second back in that time unloads it again instead of the
  // page below, and the late duplicate unload removes whichever page was opened last (a page opened
  // within those 300 ms came up blank). With no slide, a page is gone before the next back arrives.
  ...(process.env.TARO_ENV === 'h5' ? { animation: { duration: 0, delay: 0 } } : {}),
  // WeChat calls wx.onNeedPrivacyAuthorization before any privacy API (the default since 2023-10).
  // sitemap.json (copied by config/index.ts) lets WeChat's search index only the public pages.
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true, sitemapLocation: 'sitemap.json' } : {}),
  // 身边 sorts places by distance from the person's location (declared, and asked for with a reason).
  // https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#requiredPrivateInfos
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        requiredPrivateInfos: ['getLocation'],
        permission: { 'scope.userLocation': { desc: '按远近为您排出身边的退役军人服务站和优待场所' } },
      }
    : {}),
});
