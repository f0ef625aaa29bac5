// A lean `fetch` for grammY's API client (`client: { fetch }`). grammY's default (node-fetch 2
// over node:http streams) costs about twice the CPU per call, and every button press makes two.
// Only what grammY's client uses is implemented: method, headers, a string or stream body, the
// abort signal, and `json()` / `text()` / `ok` / `status` on the answer, read whole first.
//
// Two transports, by what the call needs:
// - calls (answers, edits, messages, uploads) go through undici's connection pool, the HTTP
//   client inside Node's own fetch used directly: the cheapest per call. It writes a request on
//   a kept-alive socket only in the event loop's check phase (a full turn, so a socket the
//   server just closed is seen first).
// - getUpdates goes over node:http, which writes on the next tick, before any other I/O is
//   handled: the poll loop sends its next long poll and then hands a batch to the handlers
//   (src/bot/runtime/polling.ts), so the next hundred updates are on their way while this
//   hundred is handled, and the handlers' answers still go out before older answers' replies
//   are read.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { gunzipSync, inflateSync } from "node:zlib";
import { Pool } from "undici";

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable | AsyncIterable<Uint8Array> | null;
  signal?: AbortSignal | null;
}

/** What grammY reads of an answer. */
export interface LeanResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type LeanFetch = (url: string | URL, init?: FetchInit) => Promise<LeanResponse>;

type Headers = Record<string, string | string[] | number | undefined>;

/** A fetch with its own kept-alive connections (one process talks to one Bot API host). */
export function createBotApiFetch(options: { maxSockets?: number } = {}): LeanFetch {
  const maxSockets = options.maxSockets ?? 256;
  const calls = undiciTransport(maxSockets);
  const longPolls = nodeHttpTransport(maxSockets);
  return async (input, init = {}) => {
    const href = typeof input === "string" ? input : input.href;
    const pathAt = href.indexOf("/", href.indexOf("//") + 2);
    const target = {
      origin: pathAt === -1 ? href : href.slice(0, pathAt),
      path: pathAt === -1 ? "/" : href.slice(pathAt),
    };
    if (init.signal?.aborted) throw abortError();
    const send = target.path.endsWith("/getUpdates") ? longPolls : calls;
    const { status, headers, bytes } = await send(target, init);
    return answer(status, headers, decode(bytes, headers["content-encoding"]));
  };
}

interface Target {
  origin: string;
  path: string;
}

type Transport = (
  target: Target,
  init: FetchInit,
) => Promise<{ status: number; headers: Headers; bytes: Buffer }>;

/** undici's Pool per origin; no pipelining: a slow call would hold up those queued behind it. */
function undiciTransport(connections: number): Transport {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections, pipelining: 1 });
      // Only a handful of origins ever (the Bot API root); more would be a bug, not a cache.
      if (pools.size < 16) pools.set(origin, pool);
    }
    return pool;
  };
  return async ({ origin, path }, init) => {
    const signal = init.signal ?? undefined;
    const body = init.body ?? undefined;
    try {
      const res = await poolFor(origin).request({
        path,
        method: (init.method ?? "GET") as "GET" | "POST",
        headers: init.headers ?? {},
        body:
          body === undefined ||
          typeof body === "string" ||
          body instanceof Uint8Array ||
          body instanceof Readable
            ? body
            : Readable.from(body),
        signal,
      });
      return {
        status: res.statusCode,
        headers: res.headers,
        bytes: Buffer.from(await res.body.arrayBuffer()),
      };
    } catch (err) {
      throw signal?.aborted ? abortError() : err;
    }
  };
}

/** node:http(s) with keep-alive agents: the request is written on the next tick. */
function nodeHttpTransport(maxSockets: number): Transport {
  const agentOptions = { keepAlive: true, maxSockets, scheduling: "lifo" as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return ({ origin, path }, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(origin);
      const secure = url.protocol === "https:";
      const signal = init.signal ?? undefined;
      const body = init.body ?? undefined;
      const headers: Record<string, string | number> = { ...init.headers };
      if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
      else if (body instanceof Uint8Array) headers["content-length"] = body.byteLength;
      const req = (secure ? httpsRequest : httpRequest)({
        protocol: url.protocol,
        // IPv6 literals come bracketed in URLs, not in request options.
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        ...(url.port ? { port: url.port } : {}),
        path,
        method: init.method ?? "GET",
        headers,
        agent: secure ? https : http,
      });
      const onAbort = () => req.destroy(abortError());
      signal?.addEventListener("abort", onAbort, { once: true });
      const settle = () => signal?.removeEventListener("abort", onAbort);
      req.on("error", (err) => {
        settle();
        reject(err);
      });
      req.on("response", (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (err) => {
          settle();
          reject(err);
        });
        res.on("close", () => {
          settle();
          if (!res.complete) reject(new Error("the Bot API answer ended early"));
        });
        res.on("end", () => {
          settle();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          });
        });
      });
      if (body === undefined || typeof body === "string" || body instanceof Uint8Array) {
        req.end(body);
      } else {
        const stream = body instanceof Readable ? body : Readable.from(body);
        stream.on("error", (err) => req.destroy(err));
        stream.pipe(req);
      }
    });
}

function decode(bytes: Buffer, encoding: Headers[string]): Buffer {
  if (encoding === "gzip") return gunzipSync(bytes);
  if (encoding === "deflate") return inflateSync(bytes);
  return bytes;
}

function answer(status: number, headers: Headers, bytes: Buffer): LeanResponse {
  const text = () => bytes.toString("utf8");
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name) => {
        const v = headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : String(v);
      },
    },
    text: async () => text(),
    json: async () => JSON.parse(text()),
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

function abortError(): Error {
  return Object.assign(new Error("The operation was aborted"), { name: "AbortError" });
}
