import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev:web` proxies the API and the local sign-in to a running `npm start` (PLATFORM_URL to change it).
const platform = process.env.PLATFORM_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // Chunks are left to the bundler's own splitting by route: a manual vendor chunk would make the home page
  // download every component the staff pages use.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': platform, '/local': platform } },
});
