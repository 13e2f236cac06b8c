// The test system's file server (firmware downloads, log uploads). See README.md.
export { FileServer } from './server.ts';
export type { FileRequestRecord, FileServerFailure, FileServerOptions, UploadRecord } from './server.ts';
export { uploadedFile } from './upload-body.ts';
export type { UploadedFile } from './upload-body.ts';
