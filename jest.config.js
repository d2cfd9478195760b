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
  ],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  collectCoverageFrom: ["src/core/**/*.ts", "!src/core/index.ts"],
  coverageThreshold: { "./src/core/": { lines: 90 } },
};
