// A text/event-stream parser for fetch bodies (EventSource cannot POST). It follows the WHATWG rules that matter
// here: lines end in LF, CRLF or CR; "data" lines of one event are joined with LF; a blank line dispatches the event;
// lines starting with ":" are comments; an event may be split anywhere across network chunks.

/** Parses SSE text fed in arbitrary pieces; `push` returns the events completed by that piece. */
export class SseParser {
  #buffer = "";
  #data = [];
  #event = "";
  #id = null;
  #pendingCr = false;

  push(text) {
    const events = [];
    let input = text;
    // A CR at the very end of the previous piece may be the first half of a CRLF.
    if (this.#pendingCr && input.startsWith("\n")) input = input.slice(1);
    this.#pendingCr = false;
    this.#buffer += input;

    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== "\n" && c !== "\r") continue;
      const line = this.#buffer.slice(start, i);
      if (c === "\r") {
        if (i + 1 === this.#buffer.length) this.#pendingCr = true;
        else if (this.#buffer[i + 1] === "\n") i++;
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }

    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line) {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
    else if (field === "id" && !value.includes("\0")) this.#id = value;
    return null;
  }

  #dispatch() {
    if (this.#data.length === 0) {
      this.#event = "";
      return null;
    }
    const event = { id: this.#id, event: this.#event || "message", data: this.#data.join("\n") };
    this.#data = [];
    this.#event = "";
    return event;
  }
}

/** Yields the events of a fetch Response whose body is text/event-stream, as they arrive. */
export async function* readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parser = new SseParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    // A final event without its blank line is incomplete by the SSE rules and is dropped; flush the decoder only.
    parser.push(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}
