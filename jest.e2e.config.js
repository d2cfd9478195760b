/** @type {import('jest').Config} */
// `npm run test:e2e`: builds dist/ and runs test/e2e/*.e2e.ts against it (headless Chromium).
// Kept apart from `npm test`, which must stay fast and need no build or browser.
module.exports = {
  displayName: "e2e",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
