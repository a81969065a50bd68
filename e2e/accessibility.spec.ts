import { checkGroups } from './accessibility-checks';

// Error states, in both projects: with JavaScript on the browser's check shows them, with it off
// the server's answer to the post does, so the two are different pages to check.
checkGroups((entry) => entry.act !== undefined, ', error states');
