/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
