// One streaming turn: POST /api/v1/chat/stream, read the SSE events into an AnswerView, stop on request.
// The conversation grain owns generation, so a dropped connection is resumed from the last event received
// (GET /api/v1/conversations/{id}/stream with Last-Event-ID) rather than restarted, and leaving the page or the
// conversation does not stop the answer.

import { api, ApiError } from "./api.js";
import { readEvents } from "./sse.js";

const maxReconnects = 3;

export class Turn {
  #controller = new AbortController();
  #outcome = null; // "stopped" | "detached" once the fetch is aborted on purpose
  #settleAccepted;
  #accepted = new Promise((resolve) => { this.#settleAccepted = resolve; }); // true: the server runs the turn

  /**
   * A new turn asks `content` (with graph retrieval when `useGraphRag`). Following a turn that already runs (after a
   * reload) passes its `requestId` and no content: only its events are read.
   */
  constructor({ conversationId, content = null, view, requestId = null, useGraphRag = false }) {
    this.conversationId = conversationId;
    this.content = content;
    this.useGraphRag = useGraphRag;
    this.view = view;
    this.requestId = requestId ?? crypto.randomUUID();
    /** True once the server accepted the turn and began streaming. */
    this.started = requestId !== null;
    if (this.started) this.#settleAccepted(true);
  }

  /**
   * Runs the turn to its end. Resolves to { status: "complete", usage } | { status: "error", code, message } |
   * { status: "stopped" } | { status: "detached" }. Rejects with an ApiError when the turn could not start
   * (problem details) or the connection could not be resumed.
   */
  async run() {
    let lastSeq = 0;
    let reconnects = 0;
    for (;;) {
      try {
        const request = { conversationId: this.conversationId, requestId: this.requestId, signal: this.#controller.signal };
        const response = this.started
          ? await api.resumeTurn({ ...request, lastEventId: lastSeq })
          : await api.streamChat({ ...request, content: this.content, useGraphRag: this.useGraphRag });
        this.started = true;
        this.#settleAccepted(true);

        for await (const event of readEvents(response)) {
          const data = parseEvent(event);
          lastSeq = typeof data.seq === "number" ? data.seq : Number(event.id) || lastSeq;
          switch (data.type) {
            case "delta": this.view.append(data.content ?? ""); break;
            case "refs": this.view.setReferences(data.references); break;
            case "done": return { status: "complete", usage: data.usage ?? null };
            case "error": return { status: "error", code: data.code ?? "error", message: data.message || "The answer failed." };
            default: break; // Event types added later are not this UI's concern.
          }
        }
      } catch (error) {
        if (!this.started) this.#settleAccepted(false);
        if (this.#outcome) return { status: this.#outcome };
        // A refused request (4xx/5xx problem details) or a failure before anything streamed is the caller's to show.
        if (!this.started || !isConnectionLoss(error) || reconnects >= maxReconnects) throw error;
      }

      if (this.#outcome) return { status: this.#outcome };
      if (reconnects >= maxReconnects) {
        throw new ApiError("The connection closed before the answer was finished. Open the conversation again to see it.",
          { code: "stream_interrupted" });
      }
      reconnects++;
      await new Promise((resolve) => setTimeout(resolve, 500 * reconnects));
    }
  }

  /**
   * Asks the server to stop the turn. The stream then ends with the server's "stopped" event, sent once the partial
   * answer is stored, so the page shows exactly what was kept; only when the server cannot be reached is the fetch
   * aborted instead. Resolves to false when the turn had already finished (its stream ends by itself).
   */
  async stop() {
    // Until the server answers the POST, the turn may be about to start: stopping it now would miss it.
    if (!(await this.#accepted)) return true;
    try {
      await api.stopTurn(this.conversationId, this.requestId);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false;
      this.#abort("stopped");
      throw error;
    }
  }

  /** Stops listening without stopping the turn: the server finishes and stores the answer. */
  detach() {
    this.#abort("detached");
  }

  #abort(outcome) {
    this.#outcome ??= outcome;
    this.#controller.abort();
  }
}

function parseEvent(event) {
  try {
    return JSON.parse(event.data);
  } catch (error) {
    const failure = new ApiError(`The server sent an event that is not JSON: ${event.data.slice(0, 80)}`, { code: "bad_event" });
    failure.cause = error;
    throw failure;
  }
}

// fetch reports a broken body stream as a TypeError (or a network ApiError from api.send).
const isConnectionLoss = (error) => error instanceof TypeError || (error instanceof ApiError && error.code === "network_error");
