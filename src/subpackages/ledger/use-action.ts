import { useState } from 'react';
import { errorMessage } from '../../components/error-state';

/**
 * One button's call to the cloud: busy while it runs, the server's refusal in plain words when it
 * fails (e.g. 「请先上传至少一份佐证材料，再标记自评达标」), and `onDone` when it worked.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T>(call: () => Promise<T>, onDone: (result: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      setBusy(false);
      onDone(result);
      return true;
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
      return false;
    }
  };
  return { busy, error, setError, run };
}
