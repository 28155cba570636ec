import type { NextConfig } from 'next';

const config: NextConfig = {
  // The direct-I/O addon is a native .node file: bundling it breaks the build.
  serverExternalPackages: ['@ronomon/direct-io'],
  // `npm test` type-checks the whole tree with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Says nothing about the server to whoever asks.
  poweredByHeader: false,
};

export default config;
