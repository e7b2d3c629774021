import { Button, View } from '@tarojs/components';
import { activeRegions } from '../../../core/org/model';
import { ChoiceChips } from '../../components/choice-chips';
import { useOrganization } from '../../components/use-organization';
import type { WhereAmI } from '../../lib/where-am-i';
import type { WhereChooser } from './use-where';

/** 选择我所在的乡镇/街道: always there, for people who do not share their location and for browsers that cannot. */
export function WhereSheet({ chooser, current }: { chooser: WhereChooser; current: WhereAmI | null }) {
  // Only a 乡镇 whose centre the county recorded can be measured from.
  const regions = activeRegions(useOrganization()).filter((r) => r.center);
  if (!chooser.open) return null;
  const currentRegion = current?.source === 'region' ? current.regionId : null;
  return (
    <View className="sheet" aria-modal="true" role="dialog" id="where-sheet">
      <View className="sheet__mask" onClick={() => chooser.setOpen(false)} />
      <View className="sheet__panel">
        <View className="sheet__title">您在哪个乡镇/街道？</View>
        <View className="pl-sheet__hint">我们按那里的镇政府（街道办）位置算距离</View>
        {chooser.notice ? (
          <View className="pl-notice" role="alert">
            {chooser.notice}
          </View>
        ) : null}
        <ChoiceChips
          id="region-chips"
          label="所在乡镇/街道"
          choices={regions.map((r) => ({ value: r.id, label: r.name }))}
          value={currentRegion}
          onChange={(id) => {
            const region = regions.find((r) => r.id === id);
            if (region) chooser.chooseRegion(region);
          }}
        />
        <View className="sheet__actions">
          <Button className="btn btn--ghost sheet__btn" disabled={chooser.locating || undefined} onClick={() => void chooser.locateMe()}>
            {chooser.locating ? '正在定位…' : '用我现在的位置'}
          </Button>
        </View>
      </View>
    </View>
  );
}
