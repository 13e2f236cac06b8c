import { defineConfig } from 'vitest/config';

// Loopback tests open real sockets; keep them on one fork pool with generous (event-driven) deadlines.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
