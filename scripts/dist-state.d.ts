// Types of dist-state.js (plain JavaScript so the launcher can use it before TypeScript loads).
export declare const ROOT: string;
export declare const SOURCE_DIRS: string[];
export declare const BUILD_FORMAT: number;
export declare const NO_DIST_ENV: string;
export declare function sourceFiles(root?: string): Record<string, number>;
export interface DistState {
  dir: string;
  fresh: boolean;
  reason?: string;
}
export declare function distBuilt(root?: string, env?: NodeJS.ProcessEnv): boolean;
export declare function distState(root?: string, env?: NodeJS.ProcessEnv): DistState;
export declare function manifestFor(root?: string): { format: number; root: string; builtAt: string; files: Record<string, number> };
export declare function cliEntry(root?: string, env?: NodeJS.ProcessEnv): string[];
