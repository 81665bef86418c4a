// The message list: user messages as plain text, assistant answers as sanitized Markdown with their citations.
// Elements carry data-testid, data-role and data-status (streaming | complete | incomplete | stopped | interrupted | error).

import { graphPath, linkCitations, referenceLink } from "./citations.js";
import { renderMarkdownInto } from "./markdown.js";

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
};

export class MessageList {
  constructor(container, emptyState) {
    this.container = container;
    this.emptyState = emptyState;
  }

  clear() {
    this.container.replaceChildren(this.emptyState);
    this.emptyState.hidden = false;
  }

  /** Adds a user message; returns its element. */
  addUser(content) {
    const body = el("div", { className: "message-body plain" }, content);
    return this.#add(el("article", { className: "message message-user", dataset: { testid: "message", role: "user" }, "aria-label": "You" },
      body));
  }

  /** Adds an assistant answer; returns a view to stream into. */
  addAssistant({ streaming = false } = {}) {
    const view = new AnswerView(streaming);
    this.#add(view.element);
    return view;
  }

  /** Scrolls to the newest message unless the reader has scrolled up to read. */
  follow(force = false) {
    const c = this.container;
    if (force || c.scrollHeight - c.scrollTop - c.clientHeight < 120) c.scrollTop = c.scrollHeight;
  }

  #add(element) {
    this.emptyState.hidden = true;
    const stick = this.container.scrollHeight - this.container.scrollTop - this.container.clientHeight < 120;
    this.container.append(element);
    if (stick) this.follow(true);
    return element;
  }
}

/** One assistant answer. While streaming it is an aria-live region kept busy until the answer ends. */
export class AnswerView {
  #text = "";
  #references = [];
  #renderScheduled = false;

  constructor(streaming) {
    this.body = el("div", { className: "message-body markdown", dataset: { testid: "answer" } });
    this.status = el("p", { className: "message-status", dataset: { testid: "message-status" }, hidden: true });
    this.footer = el("div", { className: "message-footer" });
    this.element = el("article", { className: "message message-assistant", dataset: { testid: "message", role: "assistant" }, "aria-label": "Assistant" },
      el("div", { className: "avatar", "aria-hidden": "true" }, "AI"),
      el("div", { className: "message-content" }, this.body, this.status, this.footer));
    if (streaming) {
      this.element.dataset.status = "streaming";
      this.body.setAttribute("aria-live", "polite");
      this.body.setAttribute("aria-busy", "true");
      this.body.append(el("span", { className: "typing", "aria-hidden": "true" }, el("span"), el("span"), el("span")));
    }
  }

  get text() { return this.#text; }

  append(delta) {
    this.#text += delta;
    if (this.#renderScheduled) return;
    this.#renderScheduled = true;
    requestAnimationFrame(() => {
      this.#renderScheduled = false;
      this.#render();
    });
  }

  setText(text) {
    this.#text = text;
    this.#render();
  }

  setReferences(references) {
    this.#references = references ?? [];
    this.footer.querySelector(".references")?.remove();
    this.footer.querySelector(".graph-path")?.remove();
    if (this.#references.length === 0) return;
    const list = el("ol", { className: "references", dataset: { testid: "references" }, "aria-label": "Sources" });
    for (const ref of [...this.#references].sort((a, b) => a.index - b.index)) {
      const link = referenceLink(ref, el("span", { className: "reference-index" }, `[${ref.index}]`), ` ${ref.title || ref.document_id || "Source"}`);
      link.dataset.testid = "reference";
      list.append(el("li", {}, link));
    }
    this.footer.prepend(list);
    // A graph-grounded answer shows the chain of entities it followed, under the answer and above its sources.
    const path = graphPath(this.#references);
    if (path) this.footer.prepend(path);
    this.#render();
  }

  /** Ends the answer: `status` is complete | incomplete | stopped | interrupted | error; `note` explains anything but complete. */
  finish(status, { note = null, usage = null } = {}) {
    this.element.dataset.status = status;
    // The live region stays: clearing aria-busy is what lets a screen reader read the finished answer.
    this.body.removeAttribute("aria-busy");
    this.#render();
    if (note) {
      this.status.textContent = note;
      this.status.hidden = false;
      this.status.className = `message-status message-status-${status}`;
    }
    if (usage?.total_tokens) {
      this.footer.append(el("span", { className: "usage", title: `${usage.input_tokens} in, ${usage.output_tokens} out` },
        `${usage.total_tokens} tokens`));
    }
    if (this.#text && navigator.clipboard) this.footer.append(this.#copyButton()); // Clipboard: secure contexts only.
  }

  #render() {
    renderMarkdownInto(this.body, this.#text);
    if (this.#references.length > 0) linkCitations(this.body, this.#references);
    this.element.closest(".messages")?.dispatchEvent(new Event("chatbot:grow"));
  }

  #copyButton() {
    const button = el("button", { type: "button", className: "button button-ghost copy", "aria-label": "Copy answer" }, "Copy");
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(this.#text);
        button.textContent = "Copied";
      } catch (error) {
        button.textContent = "Copy failed";
        console.error("Copying the answer failed", error);
      }
    });
    return button;
  }
}
