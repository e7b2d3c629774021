/**
 * Taro's H5 build puts these on the element it renders (weapp's templates leave them out): what a
 * keyboard or a screen reader needs and Taro's own types do not list.
 */
import '@tarojs/components/types/View';
import '@tarojs/components/types/ScrollView';

declare module '@tarojs/components/types/View' {
  interface ViewProps {
    /** 0: reached with Tab; -1: focusable from script only (e.g. the tabs not chosen). */
    tabIndex?: number;
  }
}

declare module '@tarojs/components/types/ScrollView' {
  interface ScrollViewProps {
    role?: string;
    'aria-label'?: string;
  }
}
