// The network between WebKit and the test servers. WebDriver classic, the only protocol
// WebKitGTK's driver speaks, cannot see or answer requests, and cannot run a script before a
// page's own, which the suites need for three things: requests that would leave the machine
// (listed and stubbed), requests a test answers itself (`route`), and console errors and
// uncaught exceptions from the first line of a page on. So each WebKit context gets this HTTP
// proxy (MiniBrowser `--proxy`, every request including 127.0.0.1's): it offers each request
// to the page's handlers, forwards the rest to 127.0.0.1 as a stream (timing faults of the
// fault server pass through unchanged), and adds one same-origin script, `/__e2e__/probe.js`,
// first in every HTML document, which records console errors, warnings and uncaught
// exceptions for the page to read, and runs the page's `evaluateOnNewDocument` scripts.
// HTTPS to other hosts is answered with a self-signed certificate (the session accepts
// insecure certificates), so a navigation to a headline's site is seen with its whole URL.
import { createServer, request as httpRequest } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PROBE_PATH = "/__e2e__/probe.js";

// Console errors/warnings and uncaught errors, kept in the page until the driver reads them.
// Written defensively: it runs first in pages that enforce Trusted Types and a strict CSP.
const PROBE = `(() => {
  if (window.__e2eLog) return;
  const log = (window.__e2eLog = []);
  const text = (value) => {
    if (typeof value === "string") return value;
    if (value instanceof Error) return value.message;
    try { return JSON.stringify(value) ?? String(value); } catch { return String(value); }
  };
  for (const [method, type] of [["error", "error"], ["warn", "warning"]]) {
    const original = console[method];
    console[method] = function (...args) {
      log.push({ type, text: args.map(text).join(" "), url: location.href });
      return original.apply(this, args);
    };
  }
  addEventListener("error", (event) => {
    log.push({ type: "pageerror", text: event.error?.message ?? event.message, url: event.filename });
  });
  addEventListener("unhandledrejection", (event) => {
    log.push({ type: "pageerror", text: text(event.reason?.message ?? event.reason), url: location.href });
  });
})();
`;

let certificate;
/** A self-signed certificate for any host (made once per process with openssl). */
function selfSigned() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), "e2e-webkit-cert-"));
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=e2e-stub",
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    certificate = { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return certificate;
}

/** Puts the probe first in an HTML document: after `<head …>`, else after the doctype, else first. */
export function withProbe(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}

/**
 * Starts a proxy. `onRequest(request)` is offered every request first: a request object with
 * puppeteer's shape (`url()`, `method()`, `headers()`, `respond()`, `continue()`); when it
 * returns false (or calls `continue()`), the request goes on to 127.0.0.1, and a request to
 * any other host gets a 502. `initScripts()` gives the sources the probe runs first.
 * `onResponse(url, status, headers)` hears every forwarded response.
 */
export async function startProxy({ onRequest, initScripts = () => [], onResponse = () => {} }) {
  const handle = async (req, res, url) => {
    if (url.pathname === PROBE_PATH) {
      const body = PROBE + initScripts().map((source) => `;(${source})();\n`).join("");
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      return res.end(body);
    }
    // The browser's own favicon request is not the page's (puppeteer does not report it either).
    if (url.pathname === "/favicon.ico") {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end();
    }
    const body = await readBody(req);
    let decided = false;
    const decision = await new Promise((resolve) => {
      const request = {
        url: () => url.href,
        method: () => req.method,
        headers: () => ({ ...req.headers }),
        postData: () => (body.length ? body.toString() : undefined),
        respond: async ({ status = 200, contentType, headers = {}, body: content = "" }) => {
          if (decided) return;
          decided = true;
          resolve({ status, headers: { ...(contentType && { "content-type": contentType }), ...headers }, body: content });
        },
        continue: async () => {
          if (decided) return;
          decided = true;
          resolve(null);
        },
      };
      Promise.resolve(onRequest(request)).then((handled) => {
        if (!handled && !decided) request.continue();
      }, (error) => {
        decided = true;
        resolve({ status: 500, headers: { "content-type": "text/plain" }, body: `e2e route failed: ${error.message}` });
      });
    });
    if (decision) {
      const content = Buffer.isBuffer(decision.body) ? decision.body : Buffer.from(String(decision.body));
      const isHtml = /text\/html/i.test(decision.headers["content-type"] ?? "") && isDocument(req);
      const sent = isHtml ? Buffer.from(withProbe(content.toString())) : content;
      res.writeHead(decision.status, { ...decision.headers, "content-length": sent.length });
      onResponse(url.href, decision.status, decision.headers);
      return res.end(sent);
    }
    if (url.hostname !== "127.0.0.1" || url.protocol !== "http:") {
      res.writeHead(502, { "content-type": "text/plain" });
      return res.end(`e2e proxy: ${url.origin} is outside the machine`);
    }
    forward(req, res, url, body, onResponse);
  };

  const plain = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    handle(req, res, url).catch((error) => res.destroy(error));
  });
  const secure = createHttpsServer(selfSigned(), (req, res) => {
    handle(req, res, new URL(req.url, `https://${req.headers.host}`)).catch((error) => res.destroy(error));
  });
  plain.on("connect", (req, socket) => {
    socket.on("error", () => {});
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    secure.emit("connection", socket);
  });
  plain.on("clientError", (_error, socket) => socket.destroy());
  secure.on("tlsClientError", () => {});
  await new Promise((resolve) => plain.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${plain.address().port}`,
    close: () =>
      new Promise((resolve) => {
        plain.closeAllConnections?.();
        secure.closeAllConnections?.();
        plain.close(() => resolve());
      }),
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Whether `req` loads a document (a page or a frame), which gets the probe. A feed that a
 * server mislabels text/html, fetched by the widget, must reach it byte for byte: the probe
 * tag before its XML declaration would make it an HTML page, and re-encoding it as UTF-8
 * would ruin a GB2312 body.
 */
function isDocument(req) {
  const dest = req.headers["sec-fetch-dest"];
  if (dest) return ["document", "iframe", "frame"].includes(dest);
  return /text\/html/i.test(req.headers.accept ?? "");
}

/** Forwards to the test server; HTML is buffered to add the probe, everything else streams. */
function forward(req, res, url, body, onResponse) {
  const headers = { ...req.headers };
  delete headers["proxy-connection"];
  const upstream = httpRequest(
    { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers },
    (response) => {
      onResponse(url.href, response.statusCode, response.headers);
      const isHtml =
        /text\/html/i.test(response.headers["content-type"] ?? "") && req.method === "GET" && !response.headers["content-encoding"] && isDocument(req);
      // A response the server cuts off (a truncated body, a reset) is cut off for the browser
      // too, not left open.
      response.on("aborted", () => res.destroy());
      response.on("error", () => res.destroy());
      if (!isHtml) {
        res.writeHead(response.statusCode, response.headers);
        response.pipe(res);
        return;
      }
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        const sent = Buffer.from(withProbe(Buffer.concat(chunks).toString()));
        const out = { ...response.headers, "content-length": sent.length };
        delete out["transfer-encoding"];
        res.writeHead(response.statusCode, out);
        res.end(sent);
      });
    },
  );
  upstream.on("error", () => res.destroy());
  // A request the browser gives up on (a timeout, a navigation) ends upstream too.
  res.on("close", () => upstream.destroy());
  upstream.end(body);
}
