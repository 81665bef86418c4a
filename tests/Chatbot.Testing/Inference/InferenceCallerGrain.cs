using Chatbot.Inference;
using Orleans.Concurrency;

namespace Chatbot.Testing.Inference;

/// <inheritdoc cref="IInferenceCallerGrain"/>
[StatelessWorker]
public sealed class InferenceCallerGrain(ILocalSiloDetails silo) : Grain, IInferenceCallerGrain
{
    public async Task<InferenceCall> EmbedThroughAsync(string inferenceKey, IReadOnlyList<string> texts)
    {
        var inference = GrainFactory.GetGrain<IEmbeddingInferenceGrain>(inferenceKey);
        var vectors = await inference.EmbedAsync(texts);
        return new InferenceCall
        {
            CallerSilo = silo.SiloAddress.ToString(),
            Inference = await inference.GetLocationAsync(),
            Vectors = vectors.Vectors,
        };
    }
}
