// Loaded first, as a classic script, on the strict-CSP pages: records every CSP violation so
// the test sees ones the browser only reports as events (e.g. from inside shadow roots).
window.__cspViolations = [];
document.addEventListener(
  "securitypolicyviolation",
  (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      sample: event.sample,
    });
  },
  true,
);
