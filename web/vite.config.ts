import { defineConfig } from 'vitest/config';

// The app is served from the site root by the gateway: index.html for every app route,
// the hashed files under /assets/. Maven packages outDir into the jar as classpath:/web/.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
