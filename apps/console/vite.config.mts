import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: its peer range lags vite 8, and vite's built-in Oxc transform
// already compiles JSX with the automatic runtime. No fast refresh is needed for a console
// that is always served built by the API.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Hashed file names let the API cache assets for a year and index.html not at all.
    assetsDir: 'assets',
    sourcemap: false,
  },
});
