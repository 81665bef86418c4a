namespace Chatbot.Agents.Planning;

/// <summary>What one clause of a task asks for, as the embedded planner understands it.</summary>
public enum TaskIntentKind
{
    /// <summary>Search the knowledge bases (<see cref="TaskIntent.Argument"/>: the query).</summary>
    Lookup,

    /// <summary>Evaluate arithmetic (<see cref="TaskIntent.Argument"/>: the expression).</summary>
    Calculate,

    /// <summary>Apply a rate found in the knowledge bases to an amount (<see cref="TaskIntent.Argument"/>: the amount,
    /// <see cref="TaskIntent.Extra"/>: its unit, <see cref="TaskIntent.Topic"/>: what the rate is of).</summary>
    ComputeWithRate,

    /// <summary>Read a file (<see cref="TaskIntent.Argument"/>: the path).</summary>
    ReadFile,

    /// <summary>List a folder (<see cref="TaskIntent.Argument"/>: the path).</summary>
    ListFiles,

    /// <summary>Fetch a URL (<see cref="TaskIntent.Argument"/>).</summary>
    Fetch,

    /// <summary>Current weather (<see cref="TaskIntent.Argument"/>: the place).</summary>
    Weather,

    /// <summary>Translate (<see cref="TaskIntent.Argument"/>: the text, <see cref="TaskIntent.Extra"/>: the target language).</summary>
    Translate,

    /// <summary>Something the embedded agent cannot do.</summary>
    Unsupported,
}

/// <summary>One clause of a task and what it asks for. Immutable.</summary>
/// <param name="Kind">What it asks for.</param>
/// <param name="Clause">The clause as written.</param>
/// <param name="Argument">The main argument (see <see cref="TaskIntentKind"/>).</param>
/// <param name="Extra">A second argument (see <see cref="TaskIntentKind"/>).</param>
/// <param name="Topic">For <see cref="TaskIntentKind.ComputeWithRate"/>: the words naming what the rate is of.</param>
public sealed record TaskIntent(TaskIntentKind Kind, string Clause, string? Argument = null, string? Extra = null, string? Topic = null)
{
    /// <summary>The tool the intent needs, or null.</summary>
    public string? Tool => Kind switch
    {
        TaskIntentKind.Lookup => Chatbot.Tools.Knowledge.KnowledgeSearchTool.ToolName,
        TaskIntentKind.Calculate or TaskIntentKind.ComputeWithRate => Chatbot.Tools.Calculator.CalculatorTool.ToolName,
        TaskIntentKind.ReadFile or TaskIntentKind.ListFiles => Chatbot.Tools.FileSystem.FileSystemTool.ToolName,
        TaskIntentKind.Fetch => Chatbot.Tools.Http.HttpTool.ToolName,
        TaskIntentKind.Weather => Chatbot.Tools.Weather.WeatherTool.ToolName,
        TaskIntentKind.Translate => Chatbot.Tools.Translation.TranslationTool.ToolName,
        _ => null,
    };
}
