// Builds dist/ once before the e2e tests, as `npm run build` does; E2E_SKIP_BUILD=1 reuses it.
import { spawnSync } from "node:child_process";
import path from "node:path";

export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  const root = path.resolve(__dirname, "../..");
  const result = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    { cwd: root, stdio: "inherit" }
  );
  if (result.status !== 0)
    throw new Error(`the production build failed (exit ${String(result.status)})`);
}
