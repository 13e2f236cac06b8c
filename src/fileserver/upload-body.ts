// What a station's upload request carries: the file's name and bytes. Stations upload logs either as the raw body of a
// PUT/POST (the name is the last path segment) or as a multipart/form-data POST (the name is the part's filename).
// Only the first file part of a multipart body counts: a log upload carries one file.

export interface UploadedFile {
  name: string;
  bytes: Buffer;
  /** How the name was found: from the multipart part's filename, or from the URL path. */
  nameFrom: 'multipart' | 'path';
}

/** The boundary of a multipart/form-data content type, or undefined for any other body. */
function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2]?.trim();
}

function lastSegment(path: string): string {
  const clean = path.split('?')[0] ?? '';
  if (clean.endsWith('/')) return ''; // a folder URL names no file
  const segments = clean.split('/').filter((s) => s !== '');
  return decodeURIComponent(segments[segments.length - 1] ?? '');
}

/** The first part of a multipart body that has a filename; undefined when the body is not such a multipart body. */
function firstFilePart(body: Buffer, boundary: string): UploadedFile | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headersStart = at + delimiter.length + 2; // skip CRLF after the delimiter
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) return undefined;
    const headers = body.subarray(headersStart, headersEnd).toString('utf8');
    const next = body.indexOf(delimiter, headersEnd + 4);
    if (next < 0) return undefined;
    const name = /filename="([^"]*)"/i.exec(headers)?.[1];
    // The part's content ends with the CRLF before the next delimiter.
    if (name !== undefined) return { name, bytes: body.subarray(headersEnd + 4, next - 2), nameFrom: 'multipart' };
    at = next;
  }
  return undefined;
}

/** The uploaded file of one request: the multipart file part if there is one, else the whole body named by the path. */
export function uploadedFile(path: string, contentType: string | undefined, body: Buffer): UploadedFile {
  const boundary = boundaryOf(contentType);
  const part = boundary ? firstFilePart(body, boundary) : undefined;
  return part ?? { name: lastSegment(path), bytes: body, nameFrom: 'path' };
}
