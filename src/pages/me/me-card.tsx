import { View } from '@tarojs/components';
import type { MetaData } from '../../../core/contracts/meta';
import type { Me } from '../../../core/contracts/users';
import { maskPhone } from '../../../core/privacy';
import { ROLE_NAMES } from '../../../core/roles';

interface MeCardProps {
  me: Me;
  meta: MetaData | undefined;
}

/** Who the app thinks you are: name, role, department, and what the profile holds. */
export function MeCard({ me, meta }: MeCardProps) {
  const profile = me.profile;
  const name = profile?.name;
  const department = me.departmentId ? (meta?.departments.find((d) => d.id === me.departmentId)?.name ?? me.departmentId) : null;
  const region = profile?.regionId ? (meta?.regions.find((r) => r.id === profile.regionId)?.name ?? profile.regionId) : null;
  const identities = (profile?.identities ?? []).map((id) => meta?.identityTypes.find((t) => t.id === id)?.name ?? id);

  return (
    <View className="hero me-card">
      <View className="me-card__row">
        <View className="me-card__avatar">{name ? Array.from(name)[0] : '我'}</View>
        <View className="me-card__main">
          <View className="hero__title" id="me-name">
            {name ?? '您好'}
          </View>
          <View>
            <View className="tag tag--on-primary" id="me-role">
              {ROLE_NAMES[me.role]}
            </View>
            {department ? (
              <View className="tag tag--on-primary" id="me-department">
                {department}
              </View>
            ) : null}
          </View>
        </View>
      </View>
      {profile ? (
        <View className="me-card__details">
          {profile.phone ? <View>手机号：{maskPhone(profile.phone)}</View> : null}
          {region ? <View>所在地：{region}</View> : null}
          {identities.length > 0 ? <View>身份：{identities.join('、')}</View> : null}
        </View>
      ) : (
        <View className="hero__text">您还没有填写个人信息。填好后，求助和报名时就不用每次重新填写。</View>
      )}
    </View>
  );
}
