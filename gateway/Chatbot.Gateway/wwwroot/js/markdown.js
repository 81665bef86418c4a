// Model text → sanitized HTML. The only path by which answer text becomes markup: marked renders, DOMPurify cleans,
// and the result is inserted as a DOM fragment. Nothing else in the UI assigns innerHTML.

const { marked, DOMPurify } = globalThis;
if (!marked || !DOMPurify) {
  throw new Error("The Markdown libraries (lib/marked, lib/dompurify) did not load.");
}

const renderer = new marked.Marked({ gfm: true, breaks: true, async: false });
// Images in answers are shown as links: loading a URL the model wrote would leak the conversation to that host.
renderer.use({
  renderer: {
    image({ href, text }) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = text || href;
      return a.outerHTML;
    },
  },
});

const purifyOptions = {
  USE_PROFILES: { html: true },
  // Answers may format text, never load media, draw controls or restyle the page.
  FORBID_TAGS: ["img", "picture", "video", "audio", "source", "style", "form", "input", "button", "textarea", "select", "option", "iframe", "object", "embed"],
  FORBID_ATTR: ["style", "id", "name"],
  RETURN_DOM_FRAGMENT: true,
};

// Links in answers open in a new tab and never hand this page to the target.
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/** Replaces the children of `element` with `markdown` rendered and sanitized. */
export function renderMarkdownInto(element, markdown) {
  const html = renderer.parse(markdown ?? "");
  element.replaceChildren(DOMPurify.sanitize(html, purifyOptions));
}
