import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The API server (npm start) listens on :3000; in development Vite serves the app and
// forwards API calls there, so cookies stay same-origin exactly as in production.
// HAVEN_DEV_API points it elsewhere (another port, a second checkout).
const apiServer = process.env.HAVEN_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached
        // across deploys, which matters on phones with slow or metered data.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // The chart library and its dependencies stay out of the shared chunk: only the case reports load them.
            { name: 'vendor', test: /node_modules[\\/](?!(recharts|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|@reduxjs|redux|react-redux|immer|reselect|es-toolkit|eventemitter3|tiny-invariant|use-sync-external-store|react-is)[\\/])/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
});
