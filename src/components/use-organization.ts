import { EMPTY_ORGANIZATION, type Organization } from '../../core/org/model';
import { useAsync } from '../lib/use-async';
import { getOrganization, knownOrganization } from '../services/meta';

/**
 * The county's organization for drawing names and filling pickers. Until `meta.get` answers it is the
 * one already read this session, or an empty one (names then show as ids, pickers offer nothing).
 * A page whose buttons depend on it waits for `useOrganizationState` instead.
 */
export function useOrganization(): Organization {
  const state = useOrganizationState();
  return state.data ?? knownOrganization() ?? EMPTY_ORGANIZATION;
}

/** The organization as a loaded state, for Loaded: a page that cannot act without it shows loading and errors. */
export const useOrganizationState = () => useAsync(getOrganization);
