import type { NextConfig } from 'next';

// `npm run package` builds a self-contained server (Next's standalone output) into its own directory,
// so the usual `next build` / `next start` in .next stay as they are.
const forPackage = process.env.MAILBOX_PACKAGE_BUILD === '1';

const config: NextConfig = {
  // The direct-I/O addon is a native .node file: bundling it breaks the build.
  serverExternalPackages: ['@ronomon/direct-io'],
  // `npm test` type-checks the whole tree with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  ...(forPackage ? { output: 'standalone' as const, distDir: '.next-package' } : {}),
  // Says nothing about the server to whoever asks.
  poweredByHeader: false,
};

export default config;
