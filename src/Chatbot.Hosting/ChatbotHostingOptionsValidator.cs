using System.ComponentModel.DataAnnotations;

namespace Chatbot.Hosting;

/// <summary>Start-up checks of <see cref="ChatbotHostingOptions"/>; each message names the setting at fault.</summary>
public static class ChatbotHostingOptionsValidator
{
    /// <summary>Reads the <c>Chatbot</c> section and throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static ChatbotHostingOptions Read(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new ChatbotHostingOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(ChatbotHostingOptions.SectionName), options);
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", failures));
        }

        return options;
    }

    /// <summary>All problems with <paramref name="options"/>; empty when valid.</summary>
    public static List<string> Validate(ChatbotHostingOptions options)
    {
        var failures = new List<string>();
        foreach (var target in new object[] { options, options.Clustering, options.Storage, options.Silo })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => r.ErrorMessage ?? "invalid value"));
        }

        if (options.Clustering.Provider is ClusteringProviders.Redis or ClusteringProviders.AdoNet && string.IsNullOrWhiteSpace(options.Clustering.ConnectionString))
        {
            failures.Add($"Chatbot:Clustering:ConnectionString is required when Chatbot:Clustering:Provider is '{options.Clustering.Provider}'.");
        }

        if (options.Clustering.AdvertisedAddress is { Length: > 0 } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            failures.Add($"Chatbot:Clustering:AdvertisedAddress must be an IP address, not '{address}'.");
        }

        if (options.Clustering.SiloPort == options.Clustering.GatewayPort)
        {
            failures.Add("Chatbot:Clustering:GatewayPort must differ from Chatbot:Clustering:SiloPort.");
        }

        if (options.Storage.Provider == StorageProviders.AdoNet && string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            failures.Add("Chatbot:Storage:ConnectionString is required when Chatbot:Storage:Provider is 'adonet'.");
        }

        return failures;
    }
}
