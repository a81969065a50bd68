#!/usr/bin/env node
// The `switchboard` command (package.json "bin"). The CLI is TypeScript, like the rest of the
// repository; tsx compiles it as it loads (and caches the result), so there is no build step and
// no compiled copy to drift from the source. See docs/decisions/019-cli.md.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./main.ts', import.meta.url).href);
