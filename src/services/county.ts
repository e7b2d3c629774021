import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import type { Region, Unit } from '../../core/org/model';
import { callFunction } from './call';
import { clearMetaCache } from './meta';

/**
 * The admin's county setup, kept by the `meta` function: the organization workbook (成员单位, 乡镇街道,
 * 服务站) and single units and 乡镇/街道. Every change drops the cached `meta.get`, so the next page reads
 * the county as it is now.
 */
const call = <A extends ActionName<'meta'>>(action: A, input: Input<'meta', A>) => callFunction('meta', { action, ...input });

export type CountyImport = Answer<'meta', 'importCounty'>;

/** Runs a change, then forgets the organization read so far, whether or not the change went through. */
async function changing<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    clearMetaCache();
  }
}

/** The county's organization as an .xlsx with its three sheets: what the admin edits and imports back. */
export const exportCounty = () => call('exportCounty', {});
/** Reads an uploaded workbook: all or nothing; a bad row refuses it with INVALID_INPUT naming sheet and row. */
export const importCounty = (fileID: string) => changing(() => call('importCounty', { fileID }));
export const saveUnit = (unit: Unit) => changing(() => call('saveUnit', { ...unit }));
/** Only a unit nothing refers to; otherwise CONFLICT, and the admin may retire it instead. */
export const removeUnit = (id: string) => changing(() => call('removeUnit', { id }));
export const saveRegion = (region: Region) => changing(() => call('saveRegion', { ...region }));
export const removeRegion = (id: string) => changing(() => call('removeRegion', { id }));
/** Which unit takes what no rule claims, every returned case and every urgent one. */
export const setDispatchUnit = (unitId: string) => changing(() => call('setDispatchUnit', { unitId }));
