// Builds the add-in: taskpane.html (the shared runtime's page) loading the task pane bundle and
// the PARS functions bundle; functions.json generated from the functions' JSDoc; the manifest and
// icons copied, the manifest's URLs rewritten for production. ts-loader, no Babel: Babel 8 and
// webpack-dev-server 6 declare Node >= 22 (see ../shared/TOOLCHAIN.md).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;

/**
 * The production base URL (e.g. https://addin.example.org/pars), from ADDIN_PRODUCTION_URL, without
 * a trailing slash so that "https://localhost:3000/x" becomes "<base>/x".
 */
function productionUrl() {
  const raw = process.env.ADDIN_PRODUCTION_URL;
  if (raw === undefined || raw.trim() === "") return null;
  const url = raw.trim().replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/]+/.test(url)) {
    throw new Error(`ADDIN_PRODUCTION_URL must be an https URL, got "${raw}"`);
  }
  return url;
}

/**
 * Certificates from `npx office-addin-dev-certs install` when present (trusted by Office on
 * Windows and Mac). Otherwise undefined: webpack-dev-server then makes its own self-signed one.
 * office-addin-dev-certs' getHttpsServerOptions() is not called because it shells out to sudo.
 */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
  );
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  const prod = dev ? null : productionUrl();
  const escaped = DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // tsconfig.json is noEmit for `tsc` checks; the bundle needs emitted JS. Types are
            // checked by `npm run typecheck`, so dev rebuilds skip it for speed.
            compilerOptions: { noEmit: false, sourceMap: dev },
            onlyCompileBundledFiles: true,
            transpileOnly: dev,
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime runs the functions in this page, so it loads their bundle too.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (prod === null) return content;
              // Every URL, not only the first (a bug of the official shared-runtime template).
              return content.toString().replace(new RegExp(escaped, "g"), prod);
            },
          },
        ],
      }),
      {
        apply(compiler) {
          if (dev || prod !== null) return;
          compiler.hooks.thisCompilation.tap("ProductionUrl", (compilation) => {
            compilation.warnings.push(
              new Error(
                `ADDIN_PRODUCTION_URL is not set: dist/manifest.xml keeps ${DEV_ORIGIN}. Set it to the https address the add-in is served from.`
              )
            );
          });
        },
      },
    ],
    performance: { hints: false },
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: devCertificates() },
      hot: false,
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
