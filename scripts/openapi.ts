// npm run openapi -- [file]: writes the API's OpenAPI document (generated from the zod schemas,
// lib/api/openapi.ts) to `file` (default: stdout). `npm test` lints it with Redocly.
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../lib/api/openapi';

const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
const file = process.argv[2];
if (file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
} else process.stdout.write(text);
