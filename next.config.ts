import type { NextConfig } from 'next';

const config: NextConfig = {
  // The direct-I/O addon is a native .node file: bundling it breaks the build.
  serverExternalPackages: ['@ronomon/direct-io'],
};

export default config;
