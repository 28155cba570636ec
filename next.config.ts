import type { NextConfig } from 'next';

const config: NextConfig = {
  // The direct-I/O addon is a native .node file: bundling it breaks the build.
  serverExternalPackages: ['@ronomon/direct-io'],
  // `npm test` type-checks the whole tree with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Says nothing about the server to whoever asks.
  poweredByHeader: false,
  // The proxy (proxy.ts) sees every request; Next keeps at most this much of a body for the route
  // behind it. /api/decode takes up to 32 MiB and answers 413 beyond, so let just past that through.
  experimental: { proxyClientMaxBodySize: '33mb' },
};

export default config;
