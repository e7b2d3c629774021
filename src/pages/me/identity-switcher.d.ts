export interface IdentitySwitcherProps {
  /** Called after the identity changed, so the page reloads the caller. */
  onChange: () => void;
}
/** H5 only (the local host's x-openid); in WeChat the caller is always the person, so it renders nothing. */
export declare function IdentitySwitcher(props: IdentitySwitcherProps): JSX.Element | null;
