import type { MapTarget } from './platform';

/** H5: a link that opens the place in a map app. weapp: nothing (the map above the list has the place). */
export declare function MapLink(props: { target: MapTarget }): JSX.Element | null;
