import type { IdentitySwitcherProps } from './identity-switcher';

// In WeChat the caller is the person's OPENID: there is nothing to switch.
export function IdentitySwitcher(_props: IdentitySwitcherProps) {
  return null;
}
