// Copy the front-end libraries the web app loads from node_modules into the Python package
// (src/newstrace/serve/static/vendor/, ignored by git). Run after `npm ci`: `npm run build`.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "newstrace", "serve", "static", "vendor");

// [package, file inside the package, name in vendor/]
const FILES = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape.LICENSE"],
  ["d3-array", "dist/d3-array.min.js", "d3-array.min.js"],
  ["d3-array", "LICENSE", "d3-array.LICENSE"],
  ["d3-geo", "dist/d3-geo.min.js", "d3-geo.min.js"],
  ["d3-geo", "LICENSE", "d3-geo.LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client.LICENSE"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["world-atlas", "LICENSE", "world-atlas.LICENSE"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist", "LICENSE", "swagger-ui.LICENSE"],
];

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
for (const [pkg, file, name] of FILES) {
  copyFileSync(join(modules, pkg, file), join(vendor, name));
}
console.log(`copied ${FILES.length} files to ${vendor}`);
