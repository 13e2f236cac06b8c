// Public surface of the RPC layer.
export * from './types.ts';
export * from './errors.ts';
export * from './frames.ts';
export * from './ids.ts';
export * from './connection.ts';
