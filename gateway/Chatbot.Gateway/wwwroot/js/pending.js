// Turns this tab started and has not seen finish, kept in sessionStorage so that after a reload the page can follow
// a still-running answer (the server stores the user's message only when the turn ends).

const prefix = "chatbot.turn.";

export function rememberTurn(turn) {
  if (!turn.content) return;
  write(prefix + turn.requestId, JSON.stringify({ conversationId: turn.conversationId, content: turn.content }));
}

export function forgetTurn(turn) {
  try {
    sessionStorage.removeItem(prefix + turn.requestId);
  } catch (error) {
    console.warn("sessionStorage is not available; a reload cannot follow running answers.", error);
  }
}

/** The { conversationId, content } of a turn this tab started, or null. */
export function pendingTurn(requestId) {
  try {
    const value = sessionStorage.getItem(prefix + requestId);
    return value ? JSON.parse(value) : null;
  } catch (error) {
    console.warn("A remembered turn could not be read.", error);
    return null;
  }
}

function write(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch (error) {
    console.warn("sessionStorage is not available; a reload cannot follow running answers.", error);
  }
}
