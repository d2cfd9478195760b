/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.test.json" }];

module.exports = {
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/test/e2e/", "/test/taskpane/", "/test/excel/"],
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: ["<rootDir>/test/support/failOnConsole.ts"],
    },
    {
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.tsx", "<rootDir>/test/excel/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: [
        "<rootDir>/test/support/failOnConsole.ts",
        "<rootDir>/test/support/uiSetup.ts",
      ],
    },
  ],
  // Jest's 5 s default is a guess at machine speed: a Fluent UI pane test in jsdom takes a few
  // hundred milliseconds alone and several seconds on a busy 2-core machine. No test waits for a
  // fixed time, so this only bounds how long a hung test is given before it counts as failed.
  testTimeout: 120_000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  collectCoverageFrom: ["src/core/**/*.ts", "!src/core/index.ts"],
  coverageThreshold: { "./src/core/": { lines: 90 } },
};
