import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served by app:// in Electron and by the HTTP host.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // Chunks that load only when shown: the claim graph's (cytoscape and fCoSE, about 570 kB) and
    // the Overview's (Vega, Vega-Lite and the expression interpreter, about 870 kB).
    chunkSizeWarningLimit: 950,
    // Timings of plugin callbacks say how busy the machine was, not what to fix: `serve` prints only what it built.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
