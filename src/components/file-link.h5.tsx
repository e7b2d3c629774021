import type { FileLinkProps } from './file-link';
import './file-link.css';

// H5 only: a plain link, so the browser saves the .xlsx under its own name.
export function FileLink({ file, id }: FileLinkProps) {
  return (
    <a className="file-link" href={file.url} download={file.name} target="_blank" rel="noreferrer" id={id}>
      下载 {file.name}
    </a>
  );
}
