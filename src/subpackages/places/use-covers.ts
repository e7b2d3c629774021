import { useFileLinks } from '../../components/use-file-links';

const isStored = (cover: string): boolean => cover.startsWith('cloud://');

/**
 * Where each cover image is shown from: a web address as it is; an uploaded cover through a short-lived
 * link (storage lets nobody but its uploader read it directly), asked for once for the whole list.
 */
export function useCovers(covers: readonly (string | undefined)[]): (cover: string | undefined) => string {
  const links = useFileLinks(covers.flatMap((c) => (c && isStored(c) ? [c] : [])));
  return (cover) => (!cover ? '' : isStored(cover) ? (links.get(cover) ?? '') : cover);
}
