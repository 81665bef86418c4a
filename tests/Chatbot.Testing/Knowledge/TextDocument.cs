namespace Chatbot.Testing.Knowledge;

/// <summary>A plain-text document to upload: its id (also the file name, with <c>.txt</c>) and its text.</summary>
public sealed record TextDocument(string Id, string Text);
