import { HSTS, resourceHeaders } from './lib/http/header-values.js';

/** Static files, which proxy.ts's matcher leaves out (keep the two in step). */
const STATIC_FILES = ['/_next/static/:path*', '/_next/image', '/favicon.ico', '/icon.svg'];

/** Fixed headers for what proxy.ts does not dress: route handlers, and static files. */
function fixedHeaders(kind, source) {
  const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));
  return [
    { source, headers: list(resourceHeaders(kind, false)) },
    // HSTS only over HTTPS, which a proxy in front says as proxy.ts reads it.
    { source, has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: list({ 'Strict-Transport-Security': HSTS }) },
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next compresses responses (gzip) unless told not to. Behind a proxy that compresses (nginx,
  // Caddy, a load balancer), SWITCHBOARD_COMPRESS=0 leaves it to the proxy and saves the CPU here
  // (docs/deploy.md). Read when the server starts.
  compress: process.env.SWITCHBOARD_COMPRESS !== '0',
  // Pages get theirs from proxy.ts, with a nonce; these must not match a page, or it would carry two CSPs.
  async headers() {
    return [
      ...fixedHeaders('api', '/api/:path*'),
      ...fixedHeaders('api', '/scim/:path*'),
      ...STATIC_FILES.flatMap((source) => fixedHeaders('static', source)),
    ];
  },
  experimental: {
    // "Add phone numbers" posts up to a 2 MB CSV file or 1,000,000 pasted characters
    // (lib/inventory/limits.ts); the default 1 MB would refuse a 10,000-line file before
    // the form could say anything. The proxy's own limit (10 MB) is above this.
    serverActions: { bodySizeLimit: '4mb' },
    turbopackFileSystemCacheForBuild: false,
  },
  // Loaded from node_modules at run time: PGlite finds its WebAssembly and data files next to
  // its own module, argon2 is a native addon, and the lock must be one module instance per process.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    'pg',
    '@node-rs/argon2',
    'proper-lockfile',
  ],
};

export default nextConfig;
