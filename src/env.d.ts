// Why: Astro types a template's JSX element as `HTMLElement | any` (it serves several JSX frameworks), so typed
// linting sees every `{list.map((x) => <li>…</li>)}` as returning `any` (@typescript-eslint/no-unsafe-return).
// eslint-plugin-astro's documented remedy: give the global JSX namespace a concrete element type.
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    type Element = HTMLElement;
  }
}
