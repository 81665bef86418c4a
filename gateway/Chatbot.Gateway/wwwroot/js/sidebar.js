// The conversation list: newest first, paged ("Show more"), the open one marked with aria-current.

import { api } from "./api.js";

const pageSize = 50;
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export class Sidebar {
  #items = [];
  #total = 0;
  #currentId = null;

  /** `onSelect(id)` and `onDelete(item)` are called from the list's buttons; `onError(error)` when loading fails. */
  constructor({ list, status, onSelect, onDelete, onError }) {
    this.list = list;
    this.status = status;
    this.onSelect = onSelect;
    this.onDelete = onDelete;
    this.onError = onError;
  }

  /** Reloads the first page (and as many more as were shown). */
  async refresh() {
    try {
      const limit = Math.max(pageSize, this.#items.length);
      const page = await api.listConversations(0, limit);
      this.#items = page.items;
      this.#total = page.total;
      this.#render();
    } catch (error) {
      this.status.textContent = "Conversations could not be loaded.";
      this.onError(error);
    }
  }

  setCurrent(id) {
    this.#currentId = id;
    for (const button of this.list.querySelectorAll(".conversation-open")) {
      if (button.dataset.conversationId === id) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
  }

  /** The title of listed conversation `id`, or null. */
  titleOf(id) {
    return this.#items.find((i) => i.id === id)?.title ?? null;
  }

  /** The button that opens conversation `id`, when it is listed. */
  buttonFor(id) {
    return [...this.list.querySelectorAll(".conversation-open")].find((b) => b.dataset.conversationId === id) ?? null;
  }

  async #more() {
    try {
      const page = await api.listConversations(this.#items.length, pageSize);
      const known = new Set(this.#items.map((i) => i.id));
      this.#items.push(...page.items.filter((i) => !known.has(i.id)));
      this.#total = page.total;
      this.#render();
    } catch (error) {
      this.onError(error);
    }
  }

  #render() {
    this.status.textContent = this.#items.length === 0 ? "No conversations yet." : "";
    const rows = this.#items.map((item) => this.#row(item));
    if (this.#items.length < this.#total) {
      const more = document.createElement("button");
      more.type = "button";
      more.className = "button button-ghost conversation-more";
      more.textContent = "Show more";
      more.addEventListener("click", () => this.#more());
      const li = document.createElement("li");
      li.append(more);
      rows.push(li);
    }
    this.list.replaceChildren(...rows);
    this.setCurrent(this.#currentId);
  }

  #row(item) {
    const title = item.title || "Untitled conversation";
    const li = document.createElement("li");
    li.className = "conversation-item";
    li.dataset.testid = "conversation-item";
    li.dataset.conversationId = item.id;

    const open = document.createElement("button");
    open.type = "button";
    open.className = "conversation-open";
    open.dataset.conversationId = item.id;
    open.dataset.testid = "conversation-open";
    const name = document.createElement("span");
    name.className = "conversation-name";
    name.textContent = title;
    const when = document.createElement("time");
    when.className = "conversation-time";
    when.dateTime = item.updated_at;
    when.textContent = ago(item.updated_at);
    open.append(name, when);
    open.addEventListener("click", () => this.onSelect(item.id));

    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button-icon conversation-delete";
    remove.dataset.testid = "conversation-delete";
    remove.setAttribute("aria-label", `Delete conversation: ${title}`);
    remove.title = "Delete";
    remove.append(document.getElementById("icon-delete").content.cloneNode(true));
    remove.addEventListener("click", () => this.onDelete({ id: item.id, title }));

    li.append(open, remove);
    return li;
  }
}

function ago(iso) {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  if (Number.isNaN(seconds)) return "";
  const steps = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [Infinity, "year"]];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return "";
}
