import { useEffect, useState } from 'react';
import { fileLinks } from '../services/files';

/**
 * Short-lived links to stored files, asked for once per set of files after the page has its content.
 * Files the viewer may not read (or that are gone) have no link; a failed request leaves them all without.
 */
export function useFileLinks(fileIDs: readonly string[]): ReadonlyMap<string, string> {
  const [links, setLinks] = useState<ReadonlyMap<string, string>>(new Map());
  const key = fileIDs.join('\n');
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    let live = true;
    // With no files nothing is asked; links kept from before are only ever looked up by file ID.
    if (ids.length === 0) return;
    fileLinks(ids)
      .then((found) => live && setLinks(found))
      .catch(() => live && setLinks(new Map()));
    return () => {
      live = false;
    };
  }, [key]);
  return links;
}
