/** @type {import('next').NextConfig} */
export default {
  // The test builds and serves the app from this folder only.
  outputFileTracingRoot: import.meta.dirname,
  typescript: { ignoreBuildErrors: false },
};
