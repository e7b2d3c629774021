import { useState } from 'react';
import { errorMessage } from './error-state';

/**
 * A file the cloud makes on request (an export, a package): what was made, whether it is being made and
 * why it could not be. `make` runs the request; a new one replaces the file and clears the error.
 */
export function useMadeFile<T>() {
  const [file, setFile] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const make = async (request: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      setFile(await request());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { file, busy, error, make };
}
