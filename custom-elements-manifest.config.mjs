// The custom elements manifest (`npm run analyze`, part of `npm run build`): what a page, an IDE or
// a framework may rely on, and nothing else. The analyzer reads every module under widget/; the
// plugin below keeps the public surface only: the entry (widget/index.ts: the tags), the element
// classes (with their base class, whose `api` and `lang` they inherit) and the modules the entry
// re-exports from (the events, the configuration context). Private and protected members (and the
// attributes the analyzer makes of private states), helper
// modules (controllers, render parts, chunks) and events the analyzer guesses from a
// `dispatchEvent(new …(value))` call (only `@fires` documents an event) are left out.

const ENTRY = 'widget/index.ts';

/** `./ido-registratie/events.js` as exported from the entry → `widget/ido-registratie/events.ts`. */
const modulePath = (from, specifier) =>
  specifier.startsWith('.')
    ? new URL(specifier, `file:///${from}`).pathname.slice(1).replace(/\.js$/, '.ts')
    : specifier.replace(/^\//, '').replace(/\.js$/, '.ts');

function publicSurface() {
  return {
    name: 'ido-public-surface',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const entry = modules.find((m) => m.path === ENTRY);
      const reexported = new Set((entry?.exports ?? []).map((e) => modulePath(ENTRY, e.declaration.module)));
      const publicNames = new Set((entry?.exports ?? []).map((e) => e.name));
      // In path order: the analyzer lists modules in the order it happened to read them, which
      // differs between checkouts, and the committed file must be the same everywhere.
      customElementsManifest.modules = modules
        .filter((m) => m.path === ENTRY || reexported.has(m.path) || (m.declarations ?? []).some((d) => d.customElement))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const module of customElementsManifest.modules) {
        // Only what the entry exports, and the element classes (also the base class the elements extend).
        module.declarations = (module.declarations ?? []).filter((d) => d.customElement || publicNames.has(d.name));
        for (const declaration of module.declarations) {
          if (declaration.members) {
            const hidden = new Set(
              declaration.members.filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
            // A state (`state: true` in `static properties`) is a private field, never an attribute.
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
          }
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
        }
        // What a module exports but the manifest no longer lists has nothing to point at.
        const declared = new Set(module.declarations.map((d) => d.name));
        module.exports = (module.exports ?? []).filter((e) => e.kind !== 'js' || module.path === ENTRY || declared.has(e.declaration.name));
      }
    },
  };
}

export default {
  globs: ['widget/**/*.ts'],
  exclude: ['widget/**/*.styles.ts', 'widget/**/i18n.*.ts'],
  litelement: true,
  quiet: true,
  // package.json names the manifest already; left on, a check into another folder would rewrite it.
  packagejson: false,
  plugins: [publicSurface()],
};
