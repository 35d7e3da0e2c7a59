// Custom Elements Manifest (custom-elements.json) from the elements' JSDoc: attributes, properties,
// events, CSS parts and custom properties. The README's element reference is generated from it.
export default {
  globs: ['src/components/*/sos-*.ts'],
  // The publisher's workbench is a page of its own (dist/editeur/), not an element of the package.
  exclude: ['src/components/sos-editeur/**', 'src/**/*.test.ts', 'src/**/*.test-helpers.ts', 'src/**/*.styles.ts', 'src/**/*.strings.ts', 'src/**/*.strings.*.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
};
