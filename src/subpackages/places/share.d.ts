/** weapp: WeChat's share button (the page's useShareAppMessage says what is shared). H5: copies the link. */
export declare function ShareButton(props: { title: string }): JSX.Element;
