using System.Runtime.CompilerServices;
using Chatbot.AI.Telemetry;
using Chatbot.Conversations;
using Chatbot.Knowledge;
using Chatbot.Voice;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Sessions;
using Chatbot.Voice.Tts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Chatbot.Grains.Voice;

/// <summary>
/// One live voice session: a thin shell around a <see cref="VoicePipeline"/> (which does the work) bound to the
/// session's conversation. Reentrant, so audio keeps coming in while the event stream is being read; the pipeline
/// serializes its own state. Nothing is persisted: a session lost with its silo is started again by the client.
/// Placed on the gateway's silo when it hosts one, so audio does not cross the network twice.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
public sealed partial class VoiceSessionGrain(
    ISpeechRecognizer recognizer,
    ISpeechSynthesizer synthesizer,
    IOptions<VoiceOptions> options,
    VoiceMetrics metrics,
    ChatbotMetrics platformMetrics,
    TimeProvider timeProvider,
    ILogger<VoiceSessionGrain> logger) : Grain, IVoiceSessionGrain
{
    private VoicePipeline? _pipeline;
    private bool _starting;

    public async Task<VoiceEvent> StartAsync(VoiceSessionStart start, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (_pipeline is not null || _starting)
        {
            return VoiceEvent.Failure(VoiceErrorCodes.AlreadyStarted, "The session has already started.", "type");
        }

        if (!settings.Enabled)
        {
            return VoiceEvent.Failure(VoiceErrorCodes.VoiceUnavailable, "Voice is turned off on this platform (Chatbot:Voice:Enabled).");
        }

        var (tenant, sessionId) = VoiceSessionKey.Parse(this.GetPrimaryKeyString());
        if (!ConversationKey.IsValidId(start.ConversationId))
        {
            return VoiceEvent.Failure(VoiceErrorCodes.InvalidField,
                $"conversation_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.", "conversation_id");
        }

        if (!VoiceSessionSetup.TryCreate(start, settings, sessionId, out var pipelineOptions, out var error))
        {
            return error!;
        }

        _starting = true;
        try
        {
            // 1. The knowledge bases' words, so the recognizer expects what users of this tenant ask about.
            var datasets = start.DatasetIds is { Count: > 0 } ids ? ids : [DatasetKey.DefaultDataset];
            var domain = await DomainAsync(tenant, datasets, settings.DomainMaxWords, cancellationToken);
            pipelineOptions = pipelineOptions with { Recognition = pipelineOptions.Recognition with { Domain = domain } };

            // 2. The pipeline, asking the conversation; its engines are readied before the client is told to speak.
            var conversation = GrainFactory.GetGrain<IConversationGrain>(ConversationKey.Format(tenant, start.ConversationId));
            var pipeline = new VoicePipeline(
                pipelineOptions, recognizer, synthesizer, new ConversationAnswerer(conversation, start.DatasetIds), timeProvider, logger, metrics);
            await pipeline.StartAsync(cancellationToken);
            _pipeline = pipeline;
            platformMetrics.VoiceSessionStarted();
            LogStarted(logger, this.GetPrimaryKeyString(), start.ConversationId, pipelineOptions.Format.ToString(), domain?.Vocabulary.Count ?? 0);
        }
        finally
        {
            _starting = false;
        }

        return new VoiceEvent
        {
            Type = VoiceEventTypes.Ready,
            SessionId = sessionId,
            ConversationId = start.ConversationId,
            Codec = pipelineOptions.Format.CodecName,
            SampleRate = pipelineOptions.Format.SampleRate,
        };
    }

    public async IAsyncEnumerable<VoiceEvent> StreamEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_pipeline is not { } pipeline)
        {
            yield return VoiceEvent.Failure(VoiceErrorCodes.NotStarted, "Send a start message first.", "type");
            yield break;
        }

        long? speechEndedMs = null;
        await foreach (var e in pipeline.Events.ReadAllAsync(cancellationToken))
        {
            // The platform's voice metrics, in stream time: end of the question's speech to its answer's first audio.
            switch (e.Type)
            {
                case VoiceEventTypes.AsrFinal when !string.IsNullOrWhiteSpace(e.Text):
                    speechEndedMs = e.EndMs;
                    break;
                case VoiceEventTypes.TtsChunk when speechEndedMs is { } ended:
                    platformMetrics.TimeToFirstAudio(TimeSpan.FromMilliseconds(Math.Max(0, e.AtMs - ended)));
                    speechEndedMs = null;
                    break;
                case VoiceEventTypes.Interrupted:
                    platformMetrics.BargeIn();
                    break;
                default:
                    break;
            }

            yield return e;
        }
    }

    public Task PushAudioAsync(VoiceAudio audio)
    {
        if (_pipeline is { } pipeline)
        {
            foreach (var payload in audio.Payloads)
            {
                pipeline.PushAudio(payload);
            }
        }

        return Task.CompletedTask;
    }

    public Task SendTextAsync(string text)
    {
        _pipeline?.SubmitText(text);
        return Task.CompletedTask;
    }

    public Task CompleteAsync()
    {
        _pipeline?.CompleteInput();
        return Task.CompletedTask;
    }

    public async Task CloseAsync()
    {
        if (_pipeline is { } pipeline)
        {
            _pipeline = null;
            platformMetrics.VoiceSessionEnded();
            await pipeline.DisposeAsync();
        }

        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pipeline is { } pipeline)
        {
            _pipeline = null;
            platformMetrics.VoiceSessionEnded();
            await pipeline.DisposeAsync();
        }
    }

    private async Task<SpeechDomain?> DomainAsync(string tenant, IReadOnlyList<string> datasets, int maxWords, CancellationToken cancellationToken)
    {
        if (maxWords == 0)
        {
            return null;
        }

        var texts = await Task.WhenAll(datasets.Select(d =>
            GrainFactory.GetGrain<IVoiceDomainGrain>(DatasetKey.Format(tenant, d)).GetTextsAsync(maxWords / datasets.Count, cancellationToken)));
        var domain = SpeechDomain.FromTexts(texts.SelectMany(t => t), maxWords);
        return domain.Vocabulary.Count == 0 ? null : domain;
    }

    [LoggerMessage(4201, LogLevel.Information, "Voice session {Key} started in conversation {ConversationId} ({Format}, domain of {Words} words)")]
    private static partial void LogStarted(ILogger logger, string key, string conversationId, string format, int words);
}
