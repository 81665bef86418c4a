using System.Text.Json.Nodes;

namespace Chatbot.Benchmarks.Reporting;

/// <summary>The outcome of one scenario: a Markdown section for people and one JSON object for tools.</summary>
/// <param name="Scenario">Scenario name as given on the command line.</param>
/// <param name="Markdown">A section starting with a <c>##</c> heading: tables, goals, notes.</param>
/// <param name="Json">Figures of the run; written as one line of <c>latest.json</c>.</param>
public sealed record ScenarioReport(string Scenario, string Markdown, JsonObject Json);
