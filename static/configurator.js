// Starts the configurator's wasm (src/bin/configurator-app/, built by Trunk beside the
// widget's). A module file because the page allows no inline script.
import init from "./configurator-app.js";

init();
