import { defineConfig } from 'vite';

/**
 * `vite build`: `dist/index.js` + `dist/case-standards-picker.js` for bundlers, with lit,
 * @lit/task, fuse.js and idb external.
 * `vite build --mode bundle`: `dist/case-standards-picker.bundle.js`, one self-contained,
 * minified module for a plain `<script type="module">`.
 * `vite` (dev): serves the demo, proxied to the local CASE provider by `npm start`.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      build: {
        emptyOutDir: false,
        sourcemap: true,
        lib: {
          entry: 'src/case-standards-picker.bundle.ts',
          formats: ['es'],
          fileName: () => 'case-standards-picker.bundle.js',
        },
        // Library mode keeps ES output readable; the bundle is for <script> tags, so minify it
        // fully (whitespace included).
        minify: true,
        rollupOptions: { output: { minify: true } },
      },
    };
  }
  return {
    server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
    build: {
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      lib: {
        entry: { index: 'src/index.ts', 'case-standards-picker': 'src/case-standards-picker.ts', react: 'src/react.ts' },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^lit($|\/)/, /^@lit\//, 'fuse.js', /^fuse\.js\//, 'idb', 'react'],
        // One file per source module, mirroring the .d.ts files: no hashed chunks, best tree-shaking.
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
