// Citations: the numbered sources under an answer and the [n] markers inside its text link to the same place.
// Until a document viewer exists a click only announces itself (event "chatbot:open-reference" on document);
// the snippet is the link's tooltip.

/** A link to reference `ref` whose content is `children`. */
export function referenceLink(ref, ...children) {
  const link = document.createElement("a");
  link.href = `#source/${encodeURIComponent(ref.document_id)}/${encodeURIComponent(ref.chunk_id)}`;
  link.title = ref.snippet || ref.title || ref.document_id;
  link.dataset.documentId = ref.document_id;
  link.dataset.chunkId = ref.chunk_id;
  link.append(...children);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    document.dispatchEvent(new CustomEvent("chatbot:open-reference", { detail: ref }));
  });
  return link;
}

/** Turns the [n] markers in `root`'s text (outside code and links) into links to the matching references. */
export function linkCitations(root, references) {
  const byIndex = new Map(references.map((r) => [String(r.index), r]));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest("code, pre, a") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);

  for (const text of texts) {
    const parts = text.data.split(/\[(\d+)\]/);
    if (parts.length === 1 || !parts.some((p, i) => i % 2 === 1 && byIndex.has(p))) continue;
    const nodes = parts.map((part, i) => {
      if (i % 2 === 0) return part;
      const ref = byIndex.get(part);
      if (!ref) return `[${part}]`;
      const sup = document.createElement("sup");
      const link = referenceLink(ref, `[${part}]`);
      link.className = "citation";
      link.dataset.testid = "citation";
      sup.append(link);
      return sup;
    });
    text.replaceWith(...nodes);
  }
}

/**
 * The knowledge-graph path a graph-grounded answer follows (the `path` its references carry), entity by entity, with
 * links to the references stating its steps; null when no reference carries a path.
 */
export function graphPath(references) {
  const onPath = references.filter((r) => r.path);
  if (onPath.length === 0) return null;
  const entities = onPath[0].path_entities ?? onPath[0].path.split(" → ");
  const element = document.createElement("p");
  element.className = "graph-path";
  element.dataset.testid = "graph-path";
  element.setAttribute("aria-label", `Knowledge graph path: ${onPath[0].path}`);
  const label = document.createElement("span");
  label.className = "graph-path-label";
  label.textContent = "Path";
  element.append(label);
  entities.forEach((name, i) => {
    if (i > 0) element.append(" → ");
    const entity = document.createElement("span");
    entity.className = i === entities.length - 1 ? "graph-entity graph-answer" : "graph-entity";
    entity.textContent = name;
    element.append(entity);
  });
  for (const ref of [...onPath].sort((a, b) => a.index - b.index)) {
    const link = referenceLink(ref, `[${ref.index}]`);
    link.className = "citation";
    element.append(" ", link);
  }
  return element;
}
