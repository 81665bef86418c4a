// The knowledge page: pick a dataset, upload files to it, watch them being indexed (polled every second while any
// document is pending or indexing) and delete documents. Failures go to `onError`, which shows them.

import { api } from "./api.js";

export const defaultDataset = "default";
const pollMs = 1000;
const datasetPattern = /^[A-Za-z0-9_.-]{1,64}$/;
const stateLabels = { pending: "Pending", indexing: "Indexing", done: "Done", failed: "Failed" };

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

export class KnowledgePage {
  #datasets = [];
  #datasetId = defaultDataset;
  #documents = [];
  #pollTimer = null;
  #generation = 0;
  #active = false;
  #busy = false;

  /** `ui` holds the page's elements; `onError(error, context)` shows a failure; `confirm(title, text)` resolves to a boolean. */
  constructor({ ui, onError, confirm }) {
    this.ui = ui;
    this.onError = onError;
    this.confirm = confirm;
    ui.select.addEventListener("change", () => this.selectDataset(ui.select.value));
    ui.newDataset.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#addDataset();
    });
    ui.uploadForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#upload();
    });
  }

  get datasetId() {
    return this.#datasetId;
  }

  /** The page is shown: reload the datasets and the chosen dataset's status. */
  async show() {
    this.#active = true;
    await this.#loadDatasets();
    await this.#refreshStatus();
  }

  /** The page is hidden: stop polling (it restarts when the page is shown again). */
  hide() {
    this.#active = false;
    this.#stopPolling();
  }

  async selectDataset(datasetId) {
    this.#datasetId = datasetId;
    this.#documents = [];
    this.#renderDatasets();
    this.#renderDocuments();
    this.#renderSummary(null);
    await this.#refreshStatus();
  }

  // ---- datasets ----------------------------------------------------------------------------------------------------

  async #loadDatasets() {
    try {
      const list = await api.listDatasets();
      this.#datasets = list.datasets ?? [];
    } catch (error) {
      this.onError(error, "The knowledge bases could not be loaded.");
    }
    this.#renderDatasets();
  }

  #renderDatasets() {
    const ids = new Set(this.#datasets.map((d) => d.dataset_id));
    const options = [...this.#datasets];
    for (const id of [defaultDataset, this.#datasetId]) {
      if (!ids.has(id)) {
        ids.add(id);
        options.push({ dataset_id: id, document_count: 0, chunk_count: 0, empty: true });
      }
    }
    options.sort((a, b) => (a.dataset_id === defaultDataset ? -1 : b.dataset_id === defaultDataset ? 1 : a.dataset_id.localeCompare(b.dataset_id)));
    this.ui.select.replaceChildren(...options.map((d) => {
      const counts = d.empty ? "empty" : `${plural(d.document_count, "document")}, ${plural(d.chunk_count, "chunk")}`;
      return el("option", { value: d.dataset_id, textContent: `${d.dataset_id} (${counts})`, selected: d.dataset_id === this.#datasetId });
    }));
    this.ui.select.value = this.#datasetId;
  }

  async #addDataset() {
    const input = this.ui.newDatasetInput;
    const name = input.value.trim();
    if (!datasetPattern.test(name)) {
      input.setAttribute("aria-invalid", "true");
      this.onError(new Error("A knowledge base name is 1–64 letters, digits, “-”, “_” or “.”."));
      input.focus();
      return;
    }
    input.removeAttribute("aria-invalid");
    input.value = "";
    await this.selectDataset(name);
    this.ui.files.focus();
  }

  // ---- upload ------------------------------------------------------------------------------------------------------

  async #upload() {
    const files = [...this.ui.files.files];
    if (files.length === 0) {
      this.onError(new Error("Choose one or more files to upload."));
      this.ui.files.focus();
      return;
    }
    if (this.#busy) return;
    this.#busy = true;
    this.ui.uploadButton.disabled = true;
    this.ui.uploadForm.setAttribute("aria-busy", "true");
    const datasetId = this.#datasetId;
    this.ui.status.textContent = `Uploading ${plural(files.length, "file")}…`;
    try {
      const result = await api.uploadDocuments(datasetId, files);
      this.ui.files.value = "";
      if (datasetId === this.#datasetId) {
        const byId = new Map(this.#documents.map((d) => [d.document_id, d]));
        for (const doc of result.documents ?? []) byId.set(doc.document_id, doc);
        this.#documents = [...byId.values()];
        this.#renderDocuments();
      }
      await this.#loadDatasets();
      await this.#refreshStatus();
    } catch (error) {
      this.ui.status.textContent = "The upload failed.";
      this.onError(error, "The upload failed.");
    } finally {
      this.#busy = false;
      this.ui.uploadButton.disabled = false;
      this.ui.uploadForm.removeAttribute("aria-busy");
    }
  }

  // ---- status and polling --------------------------------------------------------------------------------------------

  #stopPolling() {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
    this.#generation++;
  }

  async #refreshStatus() {
    this.#stopPolling();
    const generation = this.#generation;
    const datasetId = this.#datasetId;
    let status;
    try {
      status = await api.datasetStatus(datasetId);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error.status === 404) {
        // Not created yet: its first upload creates it.
        this.#documents = [];
        this.#renderDocuments();
        this.#renderSummary(null);
        return;
      }
      this.ui.status.textContent = "The indexing status could not be loaded.";
      this.onError(error, "The indexing status could not be loaded.");
      return;
    }
    if (generation !== this.#generation) return;

    const wasInProgress = this.#documents.some((d) => d.state === "pending" || d.state === "indexing");
    this.#documents = status.documents ?? [];
    this.#renderDocuments();
    this.#renderSummary(status);
    if (status.in_progress > 0 && this.#active) {
      this.#pollTimer = setTimeout(() => this.#refreshStatus(), pollMs);
    } else if (wasInProgress) {
      await this.#loadDatasets(); // Chunk counts in the picker are final now.
    }
  }

  #renderSummary(status) {
    const { progress, status: text } = this.ui;
    if (!status || status.total === 0) {
      progress.hidden = true;
      text.textContent = "No documents yet. Upload files to add them.";
      return;
    }
    progress.hidden = false;
    progress.value = status.progress ?? 0;
    const finished = status.done + status.failed;
    const parts = [];
    parts.push(status.in_progress > 0
      ? `Indexing: ${finished} of ${plural(status.total, "document")} finished`
      : `${plural(status.total, "document")} indexed`);
    parts.push(plural(status.chunk_count, "chunk"));
    if (status.failed > 0) parts.push(`${status.failed} failed`);
    text.textContent = `${parts.join(", ")}.`;
    progress.dataset.inProgress = String(status.in_progress);
  }

  // ---- documents -----------------------------------------------------------------------------------------------------

  #renderDocuments() {
    const rows = [...this.#documents]
      .sort((a, b) => a.file_name.localeCompare(b.file_name))
      .map((doc) => this.#row(doc));
    if (rows.length === 0) {
      rows.push(el("tr", { className: "documents-empty" }, el("td", { colSpan: 5, textContent: "This knowledge base has no documents." })));
    }
    this.ui.rows.replaceChildren(...rows);
  }

  #row(doc) {
    const tr = el("tr", { className: "document" });
    tr.dataset.testid = "knowledge-document";
    tr.dataset.documentId = doc.document_id;
    tr.dataset.state = doc.state;

    const name = el("td", { className: "document-name" },
      el("span", { className: "document-file", textContent: doc.file_name, title: doc.document_id }));
    name.dataset.testid = "document-name";

    const state = el("td", { className: "document-state" });
    const badge = el("span", { className: `state state-${doc.state}`, textContent: stateLabels[doc.state] ?? doc.state });
    badge.dataset.testid = "document-state";
    state.append(badge);
    if (doc.state === "failed") {
      const reason = el("p", { className: "document-error", textContent: doc.error || "Indexing failed for an unknown reason." });
      reason.dataset.testid = "document-error";
      state.append(reason);
    }

    const chunks = el("td", { className: "num", textContent: doc.state === "done" || doc.chunk_count > 0 ? String(doc.chunk_count) : "–" });
    chunks.dataset.testid = "document-chunks";

    const size = el("td", { className: "num document-size", textContent: bytes(doc.size_bytes) });

    const remove = el("button", { type: "button", className: "button button-icon", title: "Delete" });
    remove.dataset.testid = "document-delete";
    remove.setAttribute("aria-label", `Delete document: ${doc.file_name}`);
    remove.append(document.getElementById("icon-delete").content.cloneNode(true));
    remove.addEventListener("click", () => this.#delete(doc, remove));

    tr.append(name, state, chunks, size, el("td", { className: "document-actions" }, remove));
    return tr;
  }

  async #delete(doc, button) {
    const confirmed = await this.confirm("Delete document?",
      `“${doc.file_name}” will be removed from “${this.#datasetId}” and no longer used for answers. This cannot be undone.`);
    if (!confirmed) {
      button.focus();
      return;
    }
    button.disabled = true;
    try {
      await api.deleteDocument(this.#datasetId, doc.document_id);
    } catch (error) {
      if (error.status !== 404) this.onError(error, `“${doc.file_name}” could not be deleted.`);
    }
    await this.#loadDatasets();
    await this.#refreshStatus();
    this.ui.files.focus();
  }
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function bytes(size) {
  if (!Number.isFinite(size)) return "";
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
