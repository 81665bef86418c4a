namespace Chatbot.AI.Grounding;

/// <summary>A retrieved passage offered to the model, numbered as the answer must cite it (<c>[n]</c>).</summary>
public sealed record GroundingSource(int Index, string Title, string Section, string Text, double Score);
