// Runs Python code under Pyodide in Node, with packages from a site's own Pyodide folder only.
//
//   node pyodide_draai.mjs <pyodide folder> <folder> <script.py> [extra wheel ...]
//
// The packages of the lock file that the script needs load through Pyodide's own loader (as in
// the browser, with their SHA-256 checked); the extra wheels (pytest and friends, which no
// lesson needs) are unpacked into site-packages. The folder <folder> (a copy of the tests)
// is mounted at /kopie. The script's last value (an int) is the exit status.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [map, repo, script, ...wielen] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(map, "pyodide.mjs")).href);
// A trailing slash: Pyodide resolves the lock's file names against it.
const pyodide = await loadPyodide({ indexURL: path.resolve(map) + path.sep });
await pyodide.loadPackage(["basismodel-edu", "pygments"], { messageCallback: () => {} });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const wiel of wielen) {
  // Pyodide wants a typed array, not Node's Buffer.
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wiel)), "wheel", {
    extractDir: sitePackages,
  });
}
pyodide.FS.mkdirTree("/kopie");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(repo) }, "/kopie");
let code = 0;
try {
  pyodide.runPython("import sys; sys.dont_write_bytecode = True");
  const uitkomst = await pyodide.runPythonAsync(fs.readFileSync(script, "utf8"));
  code = typeof uitkomst === "number" ? uitkomst : 0;
} catch (fout) {
  console.error(String(fout));
  code = 1;
}
process.exit(code);
