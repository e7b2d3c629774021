export interface FileLinkProps {
  /** A generated file and the short-lived link to it. */
  file: { url: string; name: string };
  id?: string;
  /** The title of the dialog when WeChat cannot open it. */
  failTitle?: string;
}
/** A generated .xlsx: a download link in H5; in WeChat a button that downloads it and opens the viewer. */
export declare function FileLink(props: FileLinkProps): JSX.Element;
