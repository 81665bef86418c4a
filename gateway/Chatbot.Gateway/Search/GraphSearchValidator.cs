using System.Globalization;
using Chatbot.Gateway.Http;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Traversal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Search;

/// <summary>Checks a graph search at the edge, before anything reaches a grain; each failure names its field.</summary>
internal static class GraphSearchValidator
{
    /// <summary>Results a request may ask for at most.</summary>
    public const int MaxTopK = 100;

    /// <summary>Results when the request does not say.</summary>
    public const int DefaultTopK = 10;

    /// <summary>Hops when the request does not say.</summary>
    public const int DefaultMaxHops = 2;

    /// <summary>The grain request and the datasets to search, or the problem with the body.</summary>
    public static (GraphSearchRequest? Request, IReadOnlyList<string> Datasets, ValidationProblem? Problem) Validate(GraphSearchBody body, int maxQueryChars)
    {
        if (string.IsNullOrWhiteSpace(body.Query))
        {
            return Fail("query", "query is required and must not be empty.");
        }

        if (body.Query.Length > maxQueryChars)
        {
            return Fail("query", $"query is longer than {maxQueryChars} characters.");
        }

        var searchType = body.SearchType ?? GraphSearchTypes.Hybrid;
        if (!GraphSearchTypes.IsValid(searchType))
        {
            return Fail("search_type", $"search_type must be 'vector', 'graph' or 'hybrid' (was '{body.SearchType}').");
        }

        var maxHops = body.GraphOptions?.MaxHops ?? DefaultMaxHops;
        if (maxHops is < 1 or > GraphTraversal.MaxHopsLimit)
        {
            return Fail("graph_options.max_hops", $"graph_options.max_hops must be between 1 and {GraphTraversal.MaxHopsLimit} (was {maxHops}).");
        }

        var topK = body.TopK ?? DefaultTopK;
        if (topK is < 1 or > MaxTopK)
        {
            return Fail("top_k", $"top_k must be between 1 and {MaxTopK} (was {topK}).");
        }

        var types = new List<string>();
        for (var i = 0; i < body.Filters?.EntityTypes?.Count; i++)
        {
            var name = body.Filters.EntityTypes[i];
            if (!GraphSchema.TryParseEntityType(name, out var type))
            {
                var known = string.Join(", ", GraphSchema.EntityTypes.Select(t => $"{t.Name} ({t.ChineseName})"));
                return Fail($"filters.entity_types[{i}]", $"filters.entity_types[{i}] '{name}' is not an entity type; the types are {known}.");
            }

            types.Add(GraphSchema.Entity(type).Name);
        }

        DateTimeOffset? from = null, to = null;
        if (body.Filters?.DateRange is { } range)
        {
            if (ParseDateRange(range) is not var (first, last))
            {
                return Fail("filters.date_range", $"filters.date_range must be 'YYYY-MM-DD/YYYY-MM-DD' with the first date not after the second (was '{range}').");
            }

            (from, to) = (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        var datasets = body.DatasetIds is { Count: > 0 } ids ? ids : [DatasetKey.DefaultDataset];
        for (var i = 0; i < datasets.Count; i++)
        {
            if (!DatasetKey.IsValidDataset(datasets[i]))
            {
                return Fail($"dataset_ids[{i}]", $"dataset_ids[{i}] must be 1–64 ASCII letters, digits, '-', '_' or '.'.");
            }
        }

        var request = new GraphSearchRequest
        {
            Query = body.Query,
            SearchType = searchType,
            MaxHops = maxHops,
            UseCommunity = body.GraphOptions?.UseCommunity ?? false,
            UsePathReasoning = body.GraphOptions?.UsePathReasoning ?? true,
            TopK = topK,
            EntityTypes = types.Count > 0 ? types : null,
            From = from,
            To = to,
        };
        return (request, datasets.Distinct(StringComparer.Ordinal).ToList(), null);
    }

    // "2024-01-01/2024-12-31": both dates, inclusive, the first not after the second.
    private static (DateOnly First, DateOnly Last)? ParseDateRange(string range)
    {
        var parts = range.Split('/');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            && first <= last
            && last < DateOnly.MaxValue
                ? (first, last)
                : null;
    }

    private static (GraphSearchRequest?, IReadOnlyList<string>, ValidationProblem?) Fail(string field, string message) =>
        (null, [], Problems.BadField(field, message));
}
