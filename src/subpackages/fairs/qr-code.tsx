import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

// Check-in codes use only upper-case letters and digits: QR's alphanumeric mode keeps the symbol at 21×21.
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** The QR symbol for `text` as rows of dark (true) and light modules, error correction M. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** A row as runs of equal modules, so a 21-module row is a handful of Views rather than 21. */
export function runs(row: readonly boolean[]): { dark: boolean; length: number }[] {
  const out: { dark: boolean; length: number }[] = [];
  for (const dark of row) {
    const last = out[out.length - 1];
    if (last && last.dark === dark) last.length++;
    else out.push({ dark, length: 1 });
  }
  return out;
}

const pct = (n: number, of: number) => `${((n * 100) / of).toFixed(4)}%`;

/**
 * Drawn with Views (no canvas, no image), so the same markup works in WeChat and in the browser.
 * Each row is a flex line of runs; widths are fractions of the symbol, the size comes from CSS.
 */
export function QrCode({ text, label }: { text: string; label?: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const n = matrix.length;
  return (
    <View className="qr" role="img" aria-label={label ?? `二维码：${text}`} data-modules={n}>
      <View className="qr__symbol">
        {matrix.map((row, r) => (
          <View key={r} className="qr__row" style={{ height: pct(1, n) }}>
            {runs(row).map((run, i) => (
              <View
                key={i}
                className={run.dark ? 'qr__run qr__run--dark' : 'qr__run'}
                data-length={run.length}
                style={{ width: pct(run.length, n) }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
