using System.Globalization;
using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Graph.Retrieval;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph;

/// <summary>
/// GraphRAG settings, bound to <c>Chatbot:Knowledge:Graph</c> and validated at start-up: which extractor builds the
/// graph, how traversal, fusion and communities behave. Immutable.
/// </summary>
public sealed record GraphOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = KnowledgeOptions.SectionName + ":Graph";

    /// <summary>
    /// <c>pattern</c> (default: the offline English/Chinese pattern extractor) or <c>model</c> (the chat model through the
    /// registered <c>IChatClient</c>; requires <c>Chatbot:Model:Provider=openai</c>).
    /// </summary>
    public string Extractor { get; init; } = GraphExtractorNames.Pattern;

    /// <summary>Chunks of one document extracted at once (model calls in flight per indexing document). Default 4.</summary>
    public int MaxConcurrentExtractions { get; init; } = 4;

    /// <summary>The model extractor's settings (attempts, temperature, output limit, cost assumptions).</summary>
    public ModelGraphExtractorOptions Model { get; init; } = new();

    /// <summary>Traversal settings (beam width, hop decay, seeds, missed-relation penalty, edges per entity, paths).</summary>
    public GraphTraversalOptions Traversal { get; init; } = new();

    /// <summary>Community detection settings (algorithm <c>Leiden</c> or <c>Louvain</c>, resolution, seed).</summary>
    public CommunityOptions Communities { get; init; } = new();

    /// <summary>Community summaries kept per dataset, the largest communities first. Default 200.</summary>
    public int MaxCommunitySummaries { get; init; } = 200;

    /// <summary>Smallest community (in entities) that gets a summary. Default 3.</summary>
    public int MinCommunitySize { get; init; } = 3;

    /// <summary>How community summaries are written: by the chat model when <c>Chatbot:Model:Provider</c> is <c>openai</c>
    /// (unless <c>Summaries:UseModel</c> is false), extractive otherwise.</summary>
    public CommunitySummaryOptions Summaries { get; init; } = new();

    /// <summary>How the routes of a graph search are fused and reranked.</summary>
    public GraphFusionOptions Fusion { get; init; } = new();

    /// <summary>Hops a chat turn with <c>use_graph_rag</c> may walk (1–5). Default 3: "who funds the group of the person
    /// leading X" is three relations away from X.</summary>
    public int ChatMaxHops { get; init; } = 3;

    /// <summary>The problems with these settings, each naming its setting; <paramref name="chatProvider"/> is
    /// <c>Chatbot:Model:Provider</c>, which the model extractor depends on. Empty when valid.</summary>
    public IReadOnlyList<string> Validate(string? chatProvider)
    {
        var errors = new List<string>();
        if (Extractor is not (GraphExtractorNames.Pattern or GraphExtractorNames.Model))
        {
            errors.Add($"{SectionName}:Extractor must be 'pattern' or 'model' (was '{Extractor}').");
        }
        else if (Extractor == GraphExtractorNames.Model && chatProvider != "openai")
        {
            errors.Add($"{SectionName}:Extractor 'model' needs a chat model that can extract JSON: set Chatbot:Model:Provider to 'openai' " +
                $"(was '{chatProvider ?? "embedded"}'), or use the 'pattern' extractor.");
        }

        Check(errors, MaxConcurrentExtractions is >= 1 and <= 64, "MaxConcurrentExtractions", "between 1 and 64", MaxConcurrentExtractions);
        Check(errors, Model.MaxAttempts is >= 1 and <= 10, "Model:MaxAttempts", "between 1 and 10", Model.MaxAttempts);
        Check(errors, ChatMaxHops is >= 1 and <= GraphTraversal.MaxHopsLimit, "ChatMaxHops", $"between 1 and {GraphTraversal.MaxHopsLimit}", ChatMaxHops);
        Check(errors, Traversal.BeamWidth >= 1, "Traversal:BeamWidth", "at least 1", Traversal.BeamWidth);
        Check(errors, Traversal.MaxSeeds >= 1, "Traversal:MaxSeeds", "at least 1", Traversal.MaxSeeds);
        Check(errors, Traversal.MaxPaths >= 1, "Traversal:MaxPaths", "at least 1", Traversal.MaxPaths);
        Check(errors, Traversal.MaxEdgesPerEntity >= 1, "Traversal:MaxEdgesPerEntity", "at least 1", Traversal.MaxEdgesPerEntity);
        Check(errors, Traversal.HopDecay is > 0 and <= 1, "Traversal:HopDecay", "in (0, 1]", Traversal.HopDecay);
        Check(errors, Traversal.MinSeedScore is >= 0 and <= 1, "Traversal:MinSeedScore", "between 0 and 1", Traversal.MinSeedScore);
        Check(errors, Traversal.MissedCuePenalty is >= 0 and <= 1, "Traversal:MissedCuePenalty", "between 0 and 1", Traversal.MissedCuePenalty);
        Check(errors, Communities.Resolution > 0, "Communities:Resolution", "positive", Communities.Resolution);
        Check(errors, MaxCommunitySummaries >= 0, "MaxCommunitySummaries", "at least 0", MaxCommunitySummaries);
        Check(errors, MinCommunitySize >= 2, "MinCommunitySize", "at least 2", MinCommunitySize);
        Check(errors, Summaries.MaxConcurrency is >= 1 and <= 64, "Summaries:MaxConcurrency", "between 1 and 64", Summaries.MaxConcurrency);
        Check(errors, Summaries.Timeout > TimeSpan.Zero, "Summaries:Timeout", "positive", Summaries.Timeout);
        Check(errors, Summaries.MaxPromptChars >= 200, "Summaries:MaxPromptChars", "at least 200", Summaries.MaxPromptChars);
        Check(errors, Summaries.MaxRelations >= 0, "Summaries:MaxRelations", "at least 0", Summaries.MaxRelations);
        Check(errors, Summaries.MaxSentences >= 1, "Summaries:MaxSentences", "at least 1", Summaries.MaxSentences);
        Check(errors, Summaries.MaxOutputTokens >= 1, "Summaries:MaxOutputTokens", "at least 1", Summaries.MaxOutputTokens);
        errors.AddRange(Fusion.Validate(SectionName + ":Fusion"));
        return errors;
    }

    private static void Check(List<string> errors, bool valid, string setting, string rule, IFormattable value)
    {
        if (!valid)
        {
            errors.Add($"{SectionName}:{setting} must be {rule} (was {value.ToString(null, CultureInfo.InvariantCulture)}).");
        }
    }
}
