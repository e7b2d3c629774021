import { STORY_KINDS } from '../../../core/data/place-kinds';

// Its own module, not stories.tsx: in the weapp build a page module exports only its page.
export const storyKindName = (id: string): string => STORY_KINDS.find((k) => k.id === id)?.name ?? '';
