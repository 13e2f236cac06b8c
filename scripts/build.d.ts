// Types of build.js (plain JavaScript: `npm install` runs it before any TypeScript tooling is needed).
export declare function build(root?: string): Promise<{ files: number; ms: number }>;
