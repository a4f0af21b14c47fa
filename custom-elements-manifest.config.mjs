// Custom Elements Manifest: generated from the source JSDoc by `npm run analyze`.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/case-standards-picker.bundle.ts', 'src/react.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events dispatched as `new SomeEvent(...)` are documented by `@fires`; the analyzer also
      // records them without a name, which only confuses tools.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter(e => e.name);
          }
        }
      },
    },
  ],
};
