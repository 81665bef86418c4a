// The gateway's HTTP API. Every failure becomes an ApiError whose message can be shown to the user as it is:
// RFC 7807 problem details (detail, title, field errors), Retry-After for 429, and network failures.

const base = "api/v1";

/** An API call that failed; `message` is written for the user. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = null, retryAfterSeconds = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Sends a request; resolves to the Response when it is 2xx, else rejects with an ApiError. */
export async function send(path, { method = "GET", json, body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, signal };
  if (body !== undefined) {
    init.body = body; // FormData: the browser writes the multipart Content-Type with its boundary.
  } else if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  }

  let response;
  try {
    response = await fetch(`${base}/${path}`, init);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw networkError(error);
  }

  if (!response.ok) throw await problemError(response);
  return response;
}

/** The error for a fetch that never got an answer (server down, connection lost). */
export function networkError(cause) {
  const error = new ApiError("Cannot reach the server. Check your connection and try again.", { code: "network_error" });
  error.cause = cause;
  return error;
}

async function problemError(response) {
  let problem = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    try {
      problem = await response.json();
    } catch {
      problem = null; // A body that is not JSON: fall back to the status line below.
    }
  }

  const parts = [];
  const main = problem?.detail || problem?.title || `The server answered ${response.status} ${response.statusText}`.trim();
  parts.push(main);
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    for (const message of [].concat(messages)) {
      if (message && !main.includes(message)) parts.push(field ? `${field}: ${message}` : message);
    }
  }

  const retryAfterSeconds = parseRetryAfter(response.headers.get("Retry-After"));
  if (response.status === 429 && retryAfterSeconds !== null && !/retry|try again/i.test(main)) {
    parts.push(`Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }

  return new ApiError(parts.join(" "), { status: response.status, code: problem?.code ?? null, retryAfterSeconds });
}

function parseRetryAfter(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const id = (value) => encodeURIComponent(value);

export const api = {
  listConversations: (offset = 0, limit = 50) =>
    send(`conversations?offset=${offset}&limit=${limit}`).then((r) => r.json()),

  getConversation: (conversationId) => send(`conversations/${id(conversationId)}`).then((r) => r.json()),

  deleteConversation: (conversationId) => send(`conversations/${id(conversationId)}`, { method: "DELETE" }),

  stopTurn: (conversationId, requestId) =>
    send(`conversations/${id(conversationId)}/stop`, { method: "POST", json: { request_id: requestId } }),

  /** Starts a turn; resolves to the text/event-stream Response. */
  streamChat: ({ conversationId, content, requestId, signal, useGraphRag = false }) =>
    send("chat/stream", {
      method: "POST",
      headers: { Accept: "text/event-stream", "X-Request-ID": requestId },
      signal,
      json: { conversation_id: conversationId, messages: [{ role: "user", content }], stream: true, use_graph_rag: useGraphRag },
    }),

  /** Follows a running (or replays a finished) turn from the event after `lastEventId`. */
  resumeTurn: ({ conversationId, requestId, lastEventId = 0, signal }) =>
    send(`conversations/${id(conversationId)}/stream?request_id=${id(requestId)}`, {
      headers: { Accept: "text/event-stream", ...(lastEventId ? { "Last-Event-ID": String(lastEventId) } : {}) },
      signal,
    }),

  // ---- knowledge bases ----

  listDatasets: () => send("knowledge/datasets").then((r) => r.json()),

  /** Uploads `files` (File objects) to dataset `datasetId`; resolves to {dataset_id, documents}. */
  uploadDocuments: (datasetId, files) => {
    const form = new FormData();
    form.append("dataset_id", datasetId);
    for (const file of files) form.append("files", file, file.name);
    return send("knowledge/upload", { method: "POST", body: form }).then((r) => r.json());
  },

  datasetStatus: (datasetId, { signal } = {}) => send(`knowledge/status/${id(datasetId)}`, { signal }).then((r) => r.json()),

  deleteDocument: (datasetId, documentId) =>
    send(`knowledge/datasets/${id(datasetId)}/documents/${id(documentId)}`, { method: "DELETE" }),
};
