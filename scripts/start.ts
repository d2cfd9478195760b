// `npm start`: prints how to sideload the add-in into Excel, then builds and serves it on
// https://localhost:3000 with webpack-dev-server (in memory, rebuilding on change). Plain Node, so
// that it works on a fresh Linux machine: office-addin-debugging does not install there.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const certs = path.join(homedir(), ".office-addin-dev-certs");
const trusted = existsSync(path.join(certs, "localhost.crt"));

console.log(`
PARS Ready: serving the add-in on https://localhost:3000 (manifest: ${manifest})
Certificate: ${
  trusted
    ? `${certs}/localhost.crt (from office-addin-dev-certs)`
    : "self-signed by webpack-dev-server, trusted by no one yet: see step 1 below"
}

Excel on the web (any OS, Linux included)
  1. In the browser you use for Excel, open https://localhost:3000/taskpane.html once and accept
     the certificate warning (or trust ~/.office-addin-dev-certs/ca.crt in that browser).
  2. Open a workbook at https://www.office.com (Excel), then Home > Add-ins > More Settings
     (or Advanced...) > Upload My Add-in, choose ${manifest}, and Upload.
  3. "Check for PARS" appears on the Home tab; type =PARS. in a cell for the functions.

Excel on Windows or Mac
  1. Trust the localhost certificate once: npx office-addin-dev-certs install
     (then restart npm start so that it serves that certificate).
  2. Sideload: npx office-addin-debugging start manifest.xml desktop
     (it opens Excel with the add-in; it does not install on Linux, so it is not a dependency).
     By hand instead: Windows, put manifest.xml in a shared network folder, add that folder under
     File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs (Show in
     Menu), restart Excel, then Home > Add-ins > Advanced > Shared Folder. Mac, copy manifest.xml
     to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, restart Excel, then
     Home > Add-ins > My Add-ins.
  3. If functions show #NAME? after a change, close Excel and clear the Office cache
     (Windows: %LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\; Mac: the wef folder above).

Stop with Ctrl+C.
`);

const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  process.exit(code ?? (signal === null ? 0 : 1));
});
