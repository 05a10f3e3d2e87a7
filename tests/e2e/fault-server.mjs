// A misbehaving feed server for the network end-to-end tests, started by the tests
// themselves on 127.0.0.1 (no dependencies beyond Node, no network beyond loopback).
//
// It serves the bundle and the test pages like serve.mjs (so pages and feeds share an
// origin, as most partners' do), plus one path per fault under /fault/. Every fault keeps
// its counters per test, keyed by the `t` query parameter, so tests never see each other's
// requests:
//
//   /fault/ok               the test feed (?v=N its version, ?label= its title); waits
//                           `setDelay(t, ms)` first, or answers `setStatus(t, code)` instead
//   /fault/404, /fault/500  that status, always
//   /fault/503-twice        503 twice, then the feed
//   /fault/429-once         429 with Retry-After: 1, then the feed
//   /fault/hang             headers and a first chunk, then nothing, never finishing
//   /fault/trickle          the feed in small chunks over about 3 s
//   /fault/truncated        Content-Length of the whole feed, half of it, then a reset
//   /fault/html             an HTML page with status 200
//   /fault/invalid-json     200, application/json, not JSON
//   /fault/not-feed         200, JSON that is not a JSON Feed
//   /fault/changing         the feed at the test's current version, with an ETag and a
//                           Last-Modified; 304 when If-None-Match matches
//   /fault/huge             50 MB of JSON-looking text, streamed without Content-Length
//   /fault/huge-length      the same with Content-Length: 52428800
//
//   /held/T/FILE            the bundle's or the pages' FILE, like any other file, except that
//                           the kinds test T holds with `hold(T, ".wasm")` wait until
//                           `release(T, ".wasm")`: a page opened as /held/T/page.html loads
//                           the loader, and so everything it loads, from there
//
// Tests change a feed's version with `server.setVersion(t, n)`, delay or fail /fault/ok with
// `setDelay` / `setStatus`, read the requests with
// `server.requests(t)` and the bytes the 50 MB paths managed to send with
// `server.bytesSent(t)`. Cross-origin pages get CORS: any origin, the conditional headers
// allowed, ETag and Retry-After exposed.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { TYPES } from "./serve.mjs";


export const HUGE_BYTES = 50 * 1024 * 1024;

/**
 * The test feed at `version`: an article titled "Fault feed, version N" and one section,
 * "Latest", of 12 headlines (3 slides of 5). Each later version puts five new headlines on
 * top, so a headline the reader saw moves one slide further down.
 */
export function testFeed(version = 1, label = "Fault feed") {
  const fresh = [];
  for (let v = version; v > 1; v--) {
    for (let i = 1; i <= 5; i++) fresh.push({ id: `v${v}-${i}`, title: `New in version ${v}, number ${i}` });
  }
  const base = Array.from({ length: 12 }, (_, i) => ({ id: `h${i + 1}`, title: `Headline ${i + 1}` }));
  const headlines = [...fresh, ...base];
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: label,
    language: "en",
    _news_widget: { article: "article", sections: [{ title: "Latest", items: headlines.map((h) => h.id) }] },
    items: [
      {
        id: "article",
        title: `${label}, version ${version}`,
        date_published: "2025-04-02T09:30:00+01:00",
        content_text: `The body of version ${version}.`,
      },
      ...headlines.map((h) => ({ id: h.id, title: h.title, url: `https://news.example/${h.id}`, content_text: "" })),
    ],
  });
}

/** Resolves when `res` can take more data, or has closed. */
const drained = (res) =>
  new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server; `roots` are the static folders (first match wins). */
export async function startFaultServer(roots) {
  const tests = new Map();
  const state = (t) => {
    if (!tests.has(t)) {
      tests.set(t, { count: new Map(), version: 1, log: [], bytesSent: 0, delay: 0, status: 200, held: new Map(), waiting: [] });
    }
    return tests.get(t);
  };
  const open = new Set(); // sockets, destroyed on close (the hanging responses never end)

  const cors = (req) =>
    req.headers.origin
      ? {
          "access-control-allow-origin": "*",
          "access-control-expose-headers": "ETag, Retry-After, Last-Modified",
        }
      : {};

  async function fault(req, res, url) {
    const t = url.searchParams.get("t") ?? "";
    const s = state(t);
    const path = url.pathname.slice("/fault/".length);
    const n = (s.count.get(path) ?? 0) + 1;
    s.count.set(path, n);
    const entry = {
      path,
      at: Date.now(),
      ifNoneMatch: req.headers["if-none-match"] ?? null,
      ifModifiedSince: req.headers["if-modified-since"] ?? null,
      status: 0,
      done: false,
    };
    res.on("close", () => {
      entry.done = true;
    });
    s.log.push(entry);
    const head = (status, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { "cache-control": "no-store", ...cors(req), ...headers });
    };
    const json = { "content-type": "application/json; charset=utf-8" };
    const sendFeed = (body = testFeed(1)) => {
      head(200, json);
      res.end(body);
    };

    switch (path) {
      case "ok": {
        if (s.delay) await sleep(s.delay);
        if (s.status !== 200) {
          head(s.status, { "content-type": "text/plain" });
          return res.end("failing on purpose");
        }
        return sendFeed(testFeed(Number(url.searchParams.get("v") ?? 1), url.searchParams.get("label") ?? undefined));
      }
      case "404":
        head(404, { "content-type": "text/plain" });
        return res.end("not found");
      case "500":
        head(500, { "content-type": "text/plain" });
        return res.end("internal error");
      case "503-twice":
        if (n <= 2) {
          head(503, { "content-type": "text/plain" });
          return res.end("deploying");
        }
        return sendFeed();
      case "429-once":
        if (n === 1) {
          head(429, { "content-type": "text/plain", "retry-after": "1" });
          return res.end("slow down");
        }
        return sendFeed();
      case "hang":
        head(200, json);
        res.write('{"version": "https://jsonfeed.org/version/1.1", "items": [');
        return; // never ends; closed with the server
      case "trickle": {
        const body = Buffer.from(testFeed(1, "Trickled feed"));
        head(200, json);
        const chunks = 30;
        const size = Math.ceil(body.length / chunks);
        for (let i = 0; i < body.length && !res.destroyed; i += size) {
          res.write(body.subarray(i, i + size));
          await sleep(100);
        }
        return res.end();
      }
      case "truncated": {
        const body = Buffer.from(testFeed(1));
        head(200, { ...json, "content-length": String(body.length) });
        res.write(body.subarray(0, body.length >> 1));
        await sleep(50);
        return res.destroy();
      }
      case "html":
        head(200, { "content-type": "text/html; charset=utf-8" });
        return res.end("<!doctype html><html><head><title>Sign in</title></head><body><p>Please sign in.</p></body></html>");
      case "invalid-json":
        head(200, json);
        return res.end('{"version": "https://jsonfeed.org/version/1.1", "items": [ {"id": "1", "title": "x",, } ]}');
      case "not-feed":
        head(200, json);
        return res.end('{"hello": "world"}');
      case "changing": {
        const etag = `"${t}-v${s.version}"`;
        const lastModified = new Date(Date.UTC(2025, 0, 1, 0, s.version)).toUTCString();
        // Cacheable, but to be revalidated on every use: a browser may keep it and ask with
        // its own If-None-Match (what a cross-origin widget relies on).
        const cache = { "cache-control": "no-cache" };
        if (req.headers["if-none-match"] === etag) {
          head(304, { ...cache, etag, "last-modified": lastModified });
          return res.end();
        }
        head(200, { ...json, ...cache, etag, "last-modified": lastModified });
        return res.end(testFeed(s.version, "Changing feed"));
      }
      case "huge":
      case "huge-length": {
        head(200, path === "huge-length" ? { ...json, "content-length": String(HUGE_BYTES) } : json);
        const chunk = Buffer.alloc(64 * 1024, "x");
        chunk.write('{"version": "https://jsonfeed.org/version/1.1", "title": "');
        let sent = 0;
        while (sent < HUGE_BYTES && !res.destroyed) {
          const ok = res.write(chunk);
          sent += chunk.length;
          s.bytesSent = sent;
          if (!ok) await drained(res);
          // Paced at 100 MB/s: still far faster than the widget needs to hit its cap, but a
          // browser that reads ahead on its network thread (Firefox) cannot pull tens of MB
          // through loopback while the cancellation is on its way, on a loaded machine.
          if (sent % (1024 * 1024) === 0) await new Promise((r) => setTimeout(r, 10));
        }
        return res.end();
      }
      default:
        head(404, { "content-type": "text/plain" });
        return res.end(`no such fault: ${path}`);
    }
  }

  async function file(req, res, url) {
    let path = decodeURIComponent(url.pathname);
    const held = /^\/held\/([^/]+)(\/.*)$/.exec(path);
    if (held) {
      const s = state(held[1]);
      path = held[2];
      const gate = s.held.get(extname(path));
      if (gate) {
        s.waiting.push(path);
        await gate.promise;
      }
    }
    if (path.endsWith("/")) path += "index.html";
    for (const root of roots) {
      const full = normalize(join(root, path));
      if (!full.startsWith(normalize(root))) break;
      try {
        if (!(await stat(full)).isFile()) continue;
        const body = await readFile(full);
        res.writeHead(200, { "content-type": TYPES[extname(full)] ?? "application/octet-stream", "cache-control": "no-cache" });
        return res.end(body);
      } catch {
        continue;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": "If-None-Match, If-Modified-Since",
        "access-control-max-age": "600",
      });
      return res.end();
    }
    const handler = url.pathname.startsWith("/fault/") ? fault : file;
    handler(req, res, url).catch((error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /**
     * Every request a test's widgets made, in order: {path, at, ifNoneMatch,
     * ifModifiedSince, status (0 until headers are sent), done (the response ended or the
     * client went away)}.
     */
    requests: (t) => [...state(t).log],
    setVersion: (t, version) => {
      state(t).version = version;
    },
    setDelay: (t, ms) => {
      state(t).delay = ms;
    },
    setStatus: (t, status) => {
      state(t).status = status;
    },
    bytesSent: (t) => state(t).bytesSent,
    /** Files of kind `ext` (".wasm", ".css") requested under /held/T/ wait for `release`. */
    hold: (t, ext) => {
      let open;
      const promise = new Promise((resolve) => (open = resolve));
      state(t).held.set(ext, { promise, open });
    },
    release: (t, ext) => {
      state(t).held.get(ext)?.open();
      state(t).held.delete(ext);
    },
    /** The paths requested under /held/T/ that had to wait, in order. */
    waiting: (t) => [...state(t).waiting],
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(resolve);
      }),
  };
}
