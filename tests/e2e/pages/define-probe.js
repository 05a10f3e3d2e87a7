// Loaded before any copy of the loader: counts customElements.define calls per name and
// keeps the errors they throw, so a second definition attempt cannot go unnoticed.
window.__defines = {};
window.__defineErrors = [];
const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  window.__defines[name] = (window.__defines[name] ?? 0) + 1;
  try {
    return define(name, constructor, options);
  } catch (error) {
    window.__defineErrors.push(`${name}: ${error}`);
    throw error;
  }
};
