using Chatbot.AI.Inference;
using Chatbot.Grains.Placement;
using Chatbot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Chatbot.Hosting.Inference;

/// <summary>Composes GPU placement and the inference grains into a silo.</summary>
public static class InferenceSiloBuilderExtensions
{
    /// <summary>
    /// Publishes the silo's <c>accelerator</c> metadata (<c>Chatbot:Silo:Accelerator</c>, plus any
    /// <c>Orleans:Metadata:*</c> entries), registers the GPU placement filter and <see cref="InferenceOptions"/>
    /// (validated at start-up) and, with <c>Chatbot:Inference:UseInferenceGrains</c>, routes knowledge embeddings
    /// through the inference grains. Call after the knowledge services are registered.
    /// </summary>
    public static ISiloBuilder AddChatbotInference(this ISiloBuilder silo, IConfiguration configuration, ChatbotHostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(hosting);
        var section = configuration.GetSection(InferenceOptions.SectionName);
        silo.Services.AddOptions<InferenceOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        var metadata = configuration.GetSection("Orleans:Metadata").Get<Dictionary<string, string>>() ?? [];
        metadata[AcceleratorMetadata.Key] = hosting.Silo.Accelerator;
        silo.UseSiloMetadata(metadata);
        silo.Services.AddSingleton<GpuSilos>();
        silo.Services.AddPlacementFilter<GpuPlacementFilterStrategy, GpuPlacementFilterDirector>(ServiceLifetime.Transient);

        var inference = section.Get<InferenceOptions>() ?? new InferenceOptions();
        if (inference.UseInferenceGrains)
        {
            // Registered after the knowledge services' default, so this one is resolved. The model's name in the grain
            // key is the embedding provider: one model per cluster, as every silo shares the embedding settings.
            var model = configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>()?.Provider ?? EmbeddingProviderNames.Hashing;
            silo.Services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingServiceKeys.Knowledge,
                (sp, _) => new InferenceGrainEmbeddingGenerator(sp.GetRequiredService<IGrainFactory>(), model, inference.EmbeddingShards));
        }

        return silo;
    }
}
