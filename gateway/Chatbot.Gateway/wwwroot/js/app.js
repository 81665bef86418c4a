// The chat page: wires the composer, the message list, the conversation sidebar and the error banner together.
// One turn streams at a time; switching conversations detaches it (the server finishes and stores the answer).

import { api } from "./api.js";
import { MessageList } from "./messages.js";
import { Sidebar } from "./sidebar.js";
import { Turn } from "./turn.js";
import { KnowledgePage } from "./knowledge.js";
import { rememberTurn, forgetTurn, pendingTurn } from "./pending.js";
import { VoiceSession } from "./voice.js";

const $ = (id) => document.getElementById(id);
const ui = {
  composer: $("composer"), input: $("composer-input"), send: $("send-button"), stop: $("stop-button"), graph: $("graph-toggle"),
  title: $("conversation-title"), messages: $("message-list"), newConversation: $("new-conversation"),
  errorBanner: $("error-banner"), errorText: $("error-text"), errorDismiss: $("error-dismiss"),
  deleteDialog: $("delete-dialog"), deleteTitle: $("delete-dialog-title"), deleteText: $("delete-dialog-text"),
  sidebar: $("sidebar"), sidebarToggle: $("sidebar-toggle"),
  chatView: $("chat-view"), knowledgeView: $("knowledge-view"), navChat: $("nav-chat"), navKnowledge: $("nav-knowledge"),
  mic: $("mic-button"), voiceStatus: $("voice-status"),
};

const messages = new MessageList(ui.messages, $("empty-state"));
const sidebar = new Sidebar({
  list: $("conversation-list"), status: $("conversation-list-status"),
  onSelect: (id) => openConversation(id), onDelete: (item) => confirmDelete(item), onError: (e) => showError(e),
});
const state = { conversationId: null, turn: null, loads: 0, title: "New conversation", view: "chat", voice: null };
const knowledge = new KnowledgePage({
  ui: {
    select: $("dataset-select"), newDataset: $("dataset-new"), newDatasetInput: $("dataset-new-input"),
    uploadForm: $("knowledge-upload-form"), files: $("knowledge-files"), uploadButton: $("knowledge-upload"),
    progress: $("knowledge-progress"), status: $("knowledge-status"), rows: $("knowledge-document-rows"),
  },
  onError: (error, context) => showError(error, context),
  confirm: (title, text) => confirmDialog(title, text, "Delete"),
});

// ---- errors: always shown, never swallowed -------------------------------------------------------------------------

function showError(error, context = null) {
  const message = error?.message || String(error);
  ui.errorText.textContent = context ? `${context} ${message}` : message;
  ui.errorBanner.hidden = false;
  console.error(context ?? "Chatbot:", error);
}

function clearError() {
  ui.errorBanner.hidden = true;
  ui.errorText.textContent = "";
}

// ---- composer ------------------------------------------------------------------------------------------------------

function setStreaming(streaming) {
  ui.send.disabled = streaming;
  ui.stop.hidden = !streaming;
  ui.stop.disabled = false;
  ui.composer.toggleAttribute("aria-busy", streaming);
  if (!streaming && (document.activeElement === ui.stop || document.activeElement === document.body)) ui.input.focus();
}

function autosize() {
  ui.input.style.height = "auto";
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 240)}px`;
}

async function sendMessage() {
  const content = ui.input.value.trim();
  if (!content) {
    ui.input.focus();
    return;
  }
  if (state.turn) return;

  clearError();
  const conversationId = state.conversationId;
  const userMessage = messages.addUser(content);
  ui.input.value = "";
  autosize();
  if (state.voice) {
    // Speaking and typing share the session: the typed question interrupts the answer being spoken.
    state.voice.session.sendText(content);
    ui.input.focus();
    return;
  }
  ui.input.focus(); // Also when Send was clicked: the button is disabled while the answer streams.
  const view = messages.addAssistant({ streaming: true });
  messages.follow(true);
  await streamTurn(new Turn({ conversationId, content, view, useGraphRag: ui.graph.checked }), { userMessage });
}

/** Runs `turn` into its view and reports how it ended; `userMessage` is marked "Not sent" when the turn is refused. */
async function streamTurn(turn, { userMessage = null } = {}) {
  state.turn = turn;
  setStreaming(true);
  rememberTurn(turn);
  let detached = false;
  try {
    const result = await turn.run();
    detached = result.status === "detached";
    endAnswer(turn.view, result);
  } catch (error) {
    if (!turn.started && userMessage) {
      turn.view.element.remove();
      userMessage.dataset.status = "error";
      userMessage.append(Object.assign(document.createElement("p"), { className: "message-status message-status-error", textContent: "Not sent." }));
      if (!ui.input.value) {
        ui.input.value = turn.content;
        autosize();
      }
    } else {
      turn.view.finish("error", { note: error.message });
    }
    showError(error);
  } finally {
    if (!detached) forgetTurn(turn); // A detached turn still runs; reopening its conversation follows it.
    if (state.turn === turn) {
      state.turn = null;
      setStreaming(false);
    }
    await sidebar.refresh();
    // A new conversation gets its title from the server once its first turn is stored.
    const title = sidebar.titleOf(turn.conversationId);
    if (title && state.conversationId === turn.conversationId) setTitle(title);
  }
}

const stoppedNote = "Stopped before the answer was finished.";

function endAnswer(view, result) {
  switch (result.status) {
    case "complete":
      view.finish("complete", { usage: result.usage });
      break;
    case "stopped":
      view.finish("stopped", { note: stoppedNote });
      break;
    case "error":
      if (result.code === "stopped") {
        view.finish("stopped", { note: stoppedNote });
      } else {
        view.finish("error", { note: result.message });
        showError(new Error(result.message));
      }
      break;
    default:
      break; // "detached": the view is no longer on screen.
  }
}

async function stopAnswer() {
  const turn = state.turn;
  if (!turn) return;
  ui.stop.disabled = true; // Until the stream ends; setStreaming(false) enables it again.
  try {
    await turn.stop();
  } catch (error) {
    showError(error, "The answer could not be stopped.");
  }
}

// ---- voice: speak and listen in the same conversation ---------------------------------------------------------------

function setVoiceStatus(text) {
  ui.voiceStatus.textContent = text;
}

async function toggleVoice() {
  if (state.voice) {
    setVoiceStatus("Finishing…");
    ui.mic.setAttribute("aria-pressed", "false");
    state.voice.session.finish(); // the server answers what was said, speaks it, then closes
    return;
  }
  clearError();
  detachTurn();
  const voice = { session: null, heard: null, answers: new Map(), interrupted: null };
  voice.session = new VoiceSession({ conversationId: state.conversationId, on: voiceHandlers(voice) });
  state.voice = voice;
  ui.mic.setAttribute("aria-pressed", "true");
  setVoiceStatus("Connecting…");
  try {
    await voice.session.start();
    if (state.voice === voice) setVoiceStatus("Listening…");
  } catch (error) {
    endVoice(voice);
    showError(error, "Voice could not start.");
  }
}

// An interrupted answer stays open while it may still resume; once something else is said (or voice ends) it is final.
function settleInterrupted(voice) {
  voice.interrupted?.finish("interrupted", { note: "Interrupted: you spoke over the answer." });
  voice.interrupted = null;
}

function endVoice(voice) {
  if (state.voice !== voice) return;
  settleInterrupted(voice);
  voice.session.close();
  state.voice = null;
  ui.mic.setAttribute("aria-pressed", "false");
  setVoiceStatus("");
}

function voiceHandlers(voice) {
  const answerFor = (turnId) => {
    let view = voice.answers.get(turnId);
    if (!view) {
      settleInterrupted(voice);
      view = messages.addAssistant({ streaming: true });
      Object.assign(view.element.dataset, { source: "voice", turnId, audioChunks: "0", audioMs: "0" });
      voice.answers.set(turnId, view);
      messages.follow(true);
    }
    return view;
  };
  return {
    asr_partial: (m) => {
      voice.heard ??= messages.addUser("");
      Object.assign(voice.heard.dataset, { source: "voice", status: "partial" });
      voice.heard.querySelector(".message-body").textContent = m.text;
      setVoiceStatus("Hearing you…");
    },
    asr_final: (m) => {
      const heard = voice.heard ?? (m.text ? messages.addUser("") : null);
      voice.heard = null;
      setVoiceStatus("Listening…");
      if (!heard) return;
      if (!m.text) {
        heard.remove(); // nothing said: a noise, or a pause during the answer
        return;
      }
      Object.assign(heard.dataset, { source: "voice", status: "final" });
      heard.querySelector(".message-body").textContent = m.text;
    },
    llm_delta: (m) => answerFor(m.turn_id).append(m.content ?? ""),
    tts_chunk: (m) => {
      const data = answerFor(m.turn_id).element.dataset;
      data.audioChunks = String(Number(data.audioChunks) + 1);
      data.audioMs = String(Math.round(Number(data.audioMs) + (m.duration_ms ?? 0)));
      setVoiceStatus("Speaking… (speak to interrupt)");
    },
    interrupted: (m) => {
      // Spoken (or typed) over: the answer stops where the user stopped hearing it; it may resume if no words follow.
      const view = voice.answers.get(m.turn_id);
      if (!view) return;
      voice.interrupted = view;
      Object.assign(view.element.dataset, { status: "interrupted", playedMs: String(Math.round(m.played_ms ?? 0)), heardMs: String(m.heard_ms) });
      setVoiceStatus("Listening…");
    },
    done: async (m) => {
      const view = answerFor(m.turn_id);
      if (voice.interrupted === view) voice.interrupted = null; // resumed: no words came after the interruption
      view.finish("complete");
      setVoiceStatus(state.voice === voice ? "Listening…" : "");
      await sidebar.refresh();
      const title = sidebar.titleOf(voice.session.conversationId);
      if (title && state.conversationId === voice.session.conversationId) setTitle(title);
    },
    error: (m) => {
      if (m.turn_id) answerFor(m.turn_id).finish("error", { note: m.message });
      showError(new Error(m.message || "The voice session failed."));
    },
    close: ({ code, reason }) => {
      if (code !== 1000 && code !== 1005) showError(new Error(`The voice session ended${reason ? `: ${reason}` : ""}.`));
      endVoice(voice);
    },
  };
}

// ---- conversations -------------------------------------------------------------------------------------------------

function newConversationId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `c_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function detachTurn() {
  if (!state.turn) return;
  state.turn.detach();
  state.turn = null;
  setStreaming(false);
}

function setTitle(title) {
  state.title = title;
  if (state.view !== "chat") return;
  ui.title.textContent = title;
  document.title = title === "New conversation" ? "Chatbot" : `${title} – Chatbot`;
}

function startNewConversation({ focus = true } = {}) {
  showView("chat");
  detachTurn();
  if (state.voice) endVoice(state.voice);
  state.loads++;
  state.conversationId = newConversationId();
  sidebar.setCurrent(null);
  messages.clear();
  setTitle("New conversation");
  closeSidebar();
  if (focus) ui.input.focus();
}

async function openConversation(id, { focus = true } = {}) {
  showView("chat");
  detachTurn();
  if (state.voice) endVoice(state.voice);
  const load = ++state.loads;
  clearError();
  state.conversationId = id;
  sidebar.setCurrent(id);
  messages.clear();
  setTitle("Loading…");
  ui.messages.setAttribute("aria-busy", "true");
  closeSidebar();
  try {
    const conversation = await api.getConversation(id);
    if (load !== state.loads) return;
    renderConversation(conversation);
    if (focus) ui.input.focus();
  } catch (error) {
    if (load !== state.loads) return;
    if (error.status === 404) {
      startNewConversation({ focus });
      showError(new Error("That conversation no longer exists."));
      await sidebar.refresh();
    } else {
      setTitle("Conversation");
      showError(error, "The conversation could not be loaded.");
    }
  } finally {
    if (load === state.loads) ui.messages.removeAttribute("aria-busy");
  }
}

function renderConversation(conversation) {
  setTitle(conversation.title || "Untitled conversation");
  for (const message of conversation.messages) {
    if (message.role === "user") {
      messages.addUser(message.content);
      continue;
    }
    const view = messages.addAssistant();
    view.setText(message.content);
    view.setReferences(message.references);
    if (message.status === "incomplete") {
      const stopped = message.error_code === "stopped";
      view.finish(stopped ? "stopped" : "incomplete", {
        note: stopped ? stoppedNote : `The answer was not finished${message.error_code ? ` (${message.error_code})` : ""}.`,
      });
    } else {
      view.finish("complete", { usage: message.usage });
    }
  }
  messages.follow(true);
  if (conversation.active_request_id) resumeTurn(conversation.id, conversation.active_request_id);
}

/** Follows a turn that is still running on the server (the page was reloaded or the conversation reopened). */
function resumeTurn(conversationId, requestId) {
  // The server stores the question with the answer; until then only this tab may know it.
  const pending = pendingTurn(requestId);
  if (pending?.content) messages.addUser(pending.content);
  const view = messages.addAssistant({ streaming: true });
  streamTurn(new Turn({ conversationId, content: pending?.content ?? null, view, requestId }));
}

/** Asks the user to confirm a deletion; resolves to true when they confirm. */
function confirmDialog(title, text) {
  ui.deleteTitle.textContent = title;
  ui.deleteText.textContent = text;
  ui.deleteDialog.returnValue = "";
  return new Promise((resolve) => {
    ui.deleteDialog.onclose = () => resolve(ui.deleteDialog.returnValue === "delete");
    ui.deleteDialog.showModal();
  });
}

async function confirmDelete(item) {
  const confirmed = await confirmDialog("Delete conversation?", `“${item.title}” and its history will be deleted. This cannot be undone.`);
  if (confirmed) deleteConversation(item.id);
  else sidebar.buttonFor(item.id)?.focus();
}

// ---- views: chat | knowledge ---------------------------------------------------------------------------------------

function showView(view) {
  if (state.view === view) return;
  state.view = view;
  const inKnowledge = view === "knowledge";
  ui.chatView.hidden = inKnowledge;
  ui.knowledgeView.hidden = !inKnowledge;
  for (const [button, name] of [[ui.navChat, "chat"], [ui.navKnowledge, "knowledge"]]) {
    if (name === view) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  if (inKnowledge) {
    ui.title.textContent = "Knowledge";
    document.title = "Knowledge – Chatbot";
    knowledge.show();
  } else {
    knowledge.hide();
    setTitle(state.title);
  }
}

function openKnowledge() {
  clearError();
  showView("knowledge");
  closeSidebar();
  ui.title.focus();
}

async function deleteConversation(id) {
  try {
    if (state.turn?.conversationId === id) detachTurn(); // Deleting stops the server's turn too.
    await api.deleteConversation(id);
    if (state.conversationId === id) startNewConversation({ focus: false });
  } catch (error) {
    if (error.status !== 404) showError(error, "The conversation could not be deleted.");
  }
  await sidebar.refresh();
  ui.newConversation.focus();
}

// ---- layout (narrow screens) ---------------------------------------------------------------------------------------

function closeSidebar() {
  ui.sidebar.classList.remove("open");
  ui.sidebarToggle.setAttribute("aria-expanded", "false");
}

// ---- wiring --------------------------------------------------------------------------------------------------------

ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  sendMessage();
});
ui.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    if (!state.turn) sendMessage();
  }
});
ui.input.addEventListener("input", autosize);
ui.stop.addEventListener("click", stopAnswer);
ui.mic.addEventListener("click", toggleVoice);
ui.navKnowledge.addEventListener("click", openKnowledge);
ui.navChat.addEventListener("click", () => {
  showView("chat");
  closeSidebar();
  ui.input.focus();
});
ui.newConversation.addEventListener("click", () => startNewConversation());
ui.errorDismiss.addEventListener("click", () => {
  clearError();
  (state.view === "chat" ? ui.input : ui.title).focus();
});
ui.messages.addEventListener("chatbot:grow", () => messages.follow());
ui.sidebarToggle.addEventListener("click", () => {
  const open = ui.sidebar.classList.toggle("open");
  ui.sidebarToggle.setAttribute("aria-expanded", String(open));
  if (open) ui.newConversation.focus();
});
ui.sidebar.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && ui.sidebar.classList.contains("open")) {
    closeSidebar();
    ui.sidebarToggle.focus();
  }
});
$("main").addEventListener("click", (event) => {
  if (ui.sidebar.classList.contains("open") && !ui.sidebarToggle.contains(event.target)) closeSidebar();
});
window.addEventListener("unhandledrejection", (event) => showError(event.reason));

startNewConversation();
sidebar.refresh();
