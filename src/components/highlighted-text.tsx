import { Text } from '@tarojs/components';
import type { Span } from '../../core/contracts/policies';

interface HighlightedTextProps {
  text: string;
  /** [start, end) offsets of the matched words, in order and not overlapping. */
  spans: readonly Span[];
  className?: string;
}

/** Text with the matched words marked, the way the search found them. */
export function HighlightedText({ text, spans, className }: HighlightedTextProps) {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return (
    <Text className={className}>
      {parts.map((p, i) =>
        p.hit ? (
          <Text key={i} className="hl">
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}
