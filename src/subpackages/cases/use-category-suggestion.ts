import { useEffect, useState } from 'react';
import { suggest, type Suggestion } from '../../services/cases';

/** Typing pauses this long before the text is sent for a suggestion. */
export const SUGGEST_DELAY_MS = 400;
const SUGGEST_MIN_CHARS = 4;
const SUGGESTIONS_SHOWN = 3;

type Candidate = Suggestion & { note?: string };

/**
 * The category suggested from the person's own words as they type, once they pause; `chosen` is the one
 * they picked themselves ('' while they follow the suggestion).
 */
export function useCategorySuggestion(description: string, chosen: string) {
  const [showAll, setShowAll] = useState(false);
  const [suggested, setSuggested] = useState<{ text: string; candidates: Candidate[]; failed?: boolean } | null>(null);

  const text = description.trim();
  const longEnough = Array.from(text).length >= SUGGEST_MIN_CHARS;
  useEffect(() => {
    if (!longEnough) return;
    let live = true;
    const timer = setTimeout(() => {
      suggest(text).then(
        (answer) => live && setSuggested({ text, candidates: answer.candidates }),
        () => live && setSuggested({ text, candidates: [], failed: true }),
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, longEnough]);

  // 其他 only when nothing better was found: it is on the full list, one tap away, anyway.
  const candidates =
    longEnough && suggested
      ? suggested.candidates.filter((c, i) => c.score > 0 && (c.category !== 'other' || i === 0)).slice(0, SUGGESTIONS_SHOWN)
      : [];
  // Until the person picks one themselves, the best suggestion is the choice.
  const category = chosen || candidates[0]?.category || '';
  const recognised = longEnough && suggested !== null && suggested.text === text;

  return {
    longEnough,
    candidates,
    category,
    /** The suggestion's note on the category in force, e.g. what to bring. */
    note: candidates.find((c) => c.category === category)?.note,
    /** The words were read and an answer for exactly them is in. */
    recognised,
    failed: suggested?.failed === true,
    /** Every category is listed: asked for, or nothing was recognised. */
    listAll: showAll || (recognised && candidates.length === 0),
    showAll: () => setShowAll(true),
    // The person's own choice stays on the list even when the suggestions move on.
    shortlist: [...(chosen && !candidates.some((c) => c.category === chosen) ? [chosen] : []), ...candidates.map((c) => c.category)],
    /**
     * Tapped before the suggestion came back (e.g. right after returning to a draft): asks now, so the best
     * suggestion is the choice, as it would have been on screen a moment later.
     */
    settle: async (): Promise<string> => {
      if (category || !longEnough) return category;
      return suggest(text).then(
        (answer) => answer.candidates.find((c) => c.score > 0)?.category ?? '',
        () => '',
      );
    },
  };
}

export type CategorySuggestion = ReturnType<typeof useCategorySuggestion>;
