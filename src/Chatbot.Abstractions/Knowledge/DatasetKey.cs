using Chatbot.Conversations;
using Chatbot.Tenants;

namespace Chatbot.Knowledge;

/// <summary>
/// Keys of knowledge grains: <c>{tenant}/{dataset}</c> for a knowledge base and <c>{tenant}/{dataset}/{partition}</c>
/// for one of its partitions. The tenant is always part of the key.
/// </summary>
public static class DatasetKey
{
    /// <summary>The dataset searched and uploaded to when a request names none.</summary>
    public const string DefaultDataset = "default";

    /// <summary>Formats a knowledge-base key.</summary>
    public static string Format(string tenant, string dataset)
    {
        if (!TenantId.IsValid(tenant))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(tenant));
        }

        if (!IsValidDataset(dataset))
        {
            throw new ArgumentException("Invalid dataset id.", nameof(dataset));
        }

        return $"{tenant}/{dataset}";
    }

    /// <summary>Formats a partition key.</summary>
    public static string Partition(string tenant, string dataset, int partition) =>
        $"{Format(tenant, dataset)}/{partition.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Splits a knowledge-base key or partition key.</summary>
    public static (string Tenant, string Dataset, int? Partition) Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length switch
        {
            2 => (parts[0], parts[1], null),
            3 => (parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new FormatException($"'{key}' is not a dataset or partition key."),
        };
    }

    /// <summary>Dataset ids follow the tenant id rules: 1–64 ASCII letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidDataset(string? dataset) => TenantId.IsValid(dataset);

    /// <summary>Document ids follow conversation id rules.</summary>
    public static bool IsValidDocumentId(string? id) => ConversationKey.IsValidId(id);
}
