#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on these machines.
# `prisma generate`, `validate` and `format` only need it to exist; they work without it.
echo "The native Prisma schema engine is not available here; use npm run db:migrate / db:migration." >&2
exit 1
