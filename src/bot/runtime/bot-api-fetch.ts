// A lean `fetch` for grammY's API client (`client: { fetch }`): one keep-alive request on
// node:http(s), the answer read whole and given back as JSON. grammY's default (node-fetch 2 over
// Node streams) costs about twice the CPU per call, and every button press makes two calls.
// Only what grammY's client uses is implemented: method, headers, a string or stream body, the
// abort signal, and `json()` / `text()` / `ok` / `status` on the answer.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { gunzipSync, inflateSync } from "node:zlib";

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

/** A fetch with its own keep-alive agents (one per process is plenty: Telegram is one host). */
export function createBotApiFetch(options: { maxSockets?: number } = {}): LeanFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    scheduling: "lifo" as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  // Every call goes to the same host: its URL is parsed once, then only the path changes.
  const origins = new Map<string, { secure: boolean; hostname: string; port: string }>();
  return (input, init = {}) =>
    new Promise<LeanResponse>((resolve, reject) => {
      const href = typeof input === "string" ? input : input.href;
      const pathAt = href.indexOf("/", href.indexOf("//") + 2);
      const originText = pathAt === -1 ? href : href.slice(0, pathAt);
      let origin = origins.get(originText);
      if (!origin) {
        const url = new URL(originText);
        origin = { secure: url.protocol === "https:", hostname: url.hostname, port: url.port };
        if (origins.size < 16) origins.set(originText, origin);
      }
      const { secure } = origin;
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const body = init.body ?? undefined;
      const headers: Record<string, string | number> = { ...init.headers };
      if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
      else if (body instanceof Uint8Array) headers["content-length"] = body.byteLength;
      const req = (secure ? httpsRequest : httpRequest)({
        protocol: secure ? "https:" : "http:",
        // IPv6 literals come bracketed in URLs, not in request options.
        hostname: origin.hostname.replace(/^\[(.*)\]$/, "$1"),
        ...(origin.port ? { port: origin.port } : {}),
        path: pathAt === -1 ? "/" : href.slice(pathAt),
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
          let bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          try {
            const encoding = res.headers["content-encoding"];
            if (encoding === "gzip") bytes = gunzipSync(bytes);
            else if (encoding === "deflate") bytes = inflateSync(bytes);
          } catch (err) {
            reject(err);
            return;
          }
          resolve(answer(res, bytes));
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

function answer(res: IncomingMessage, bytes: Buffer): LeanResponse {
  const status = res.statusCode ?? 0;
  const text = () => bytes.toString("utf8");
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name) => {
        const v = res.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
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
