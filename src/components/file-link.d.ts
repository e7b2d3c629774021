export interface FileLinkProps {
  /** A generated file and the short-lived link to it. */
  file: { url: string; name: string };
  id?: string;
  /** The title of the dialog when WeChat cannot open it. */
  failTitle?: string;
  /** A file WeChat has no viewer for (a .zip): in WeChat it is sent to a chat instead of opened. */
  send?: boolean;
}
/** A generated .xlsx: a download link in H5; in WeChat a button that downloads it and opens the viewer. */
export declare function FileLink(props: FileLinkProps): JSX.Element;
