import { createStore } from './store';

/** switchTab cannot carry a query: 首页 leaves the tapped category here for 政策 to open. */
export const categoryFocusStore = createStore<string | null>(() => null);
