// Accessibility gate of the dark theme (see lib/gates.mjs THEMES): every page of the router with
// the examples loaded passes axe-core (WCAG 2.1 A/AA, colour contrast included) without a serious
// or critical violation; a screenshot of each page goes to ARTIFACTS.
import { registerA11yGates } from './lib/a11y_gates.mjs';

registerA11yGates('dark');
