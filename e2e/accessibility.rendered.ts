import { checkGroups } from './accessibility-checks';

// Pages as first served: the same server-rendered HTML with JavaScript on or off, so checked once,
// in the JS-on project only (playwright.config.ts), where axe runs too.
checkGroups((entry) => entry.act === undefined, '');
