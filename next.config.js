/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // "Add phone numbers" posts up to a 2 MB CSV file or 1,000,000 pasted characters
    // (lib/inventory/limits.ts); the default 1 MB would refuse a 10,000-line file before
    // the form could say anything. The proxy's own limit (10 MB) is above this.
    serverActions: { bodySizeLimit: '4mb' },
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
