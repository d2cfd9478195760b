#!/usr/bin/env node
"use strict";
// The command line runs the compiled engine and CLI in dist-cli/ (npm ci builds it through the
// `prepare` script). A checkout where it was never built is built here, once, on first use.
const { existsSync } = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.join(__dirname, "..");
const entry = path.join(root, "dist-cli", "cli", "main.js");
if (!existsSync(entry)) {
  let built = false;
  try {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    built = r.status === 0 && existsSync(entry);
  } catch {
    built = false;
  }
  if (!built) {
    process.stderr.write(
      "pars-ready: the command line is not built and could not be built here; run npm run build:cli\n"
    );
    process.exit(2);
  }
}
require(entry).main();
