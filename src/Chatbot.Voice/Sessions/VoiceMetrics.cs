using System.Diagnostics.Metrics;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// The voice sessions' latencies, as histograms of meter <see cref="MeterName"/> (exported with the platform's other
/// metrics; <c>make bench</c> reads them). Thread-safe; one per container.
/// </summary>
public sealed class VoiceMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Chatbot.Voice";

    /// <summary>A frame's arrival until the session is done with it: detection, and recognition while the user speaks.</summary>
    public const string FrameLatency = "chatbot.voice.frame.latency";

    /// <summary>The frame that decided speech started, while an answer was playing, until <c>interrupted</c> was sent.</summary>
    public const string BargeInLatency = "chatbot.voice.barge_in.latency";

    /// <summary>The frame that decided speech ended until the final transcript (the recognizer's final pass).</summary>
    public const string FinalTranscriptLatency = "chatbot.voice.asr.final.latency";

    /// <summary>The question asked until the answer's first text.</summary>
    public const string FirstDeltaLatency = "chatbot.voice.answer.first_delta.latency";

    /// <summary>The question asked until the answer's first audio chunk was sent.</summary>
    public const string FirstAudioLatency = "chatbot.voice.answer.first_audio.latency";

    /// <summary>The frame that decided speech ended until the answer's first audio chunk was sent.</summary>
    public const string SpeechEndToAudioLatency = "chatbot.voice.speech_end_to_audio.latency";

    /// <summary>
    /// End of speech to first audio less the engines' time (the recognizer's final pass, the answer's first sentence,
    /// synthesis of the first chunk): the latency the platform itself adds.
    /// </summary>
    public const string PlatformAddedLatency = "chatbot.voice.platform_added.latency";

    /// <summary>Instruments created by <paramref name="meterFactory"/>.</summary>
    public VoiceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        Frame = meter.CreateHistogram<double>(FrameLatency, "ms");
        BargeIn = meter.CreateHistogram<double>(BargeInLatency, "ms");
        FinalTranscript = meter.CreateHistogram<double>(FinalTranscriptLatency, "ms");
        FirstDelta = meter.CreateHistogram<double>(FirstDeltaLatency, "ms");
        FirstAudio = meter.CreateHistogram<double>(FirstAudioLatency, "ms");
        SpeechEndToAudio = meter.CreateHistogram<double>(SpeechEndToAudioLatency, "ms");
        PlatformAdded = meter.CreateHistogram<double>(PlatformAddedLatency, "ms");
    }

    internal Histogram<double> Frame { get; }

    internal Histogram<double> BargeIn { get; }

    internal Histogram<double> FinalTranscript { get; }

    internal Histogram<double> FirstDelta { get; }

    internal Histogram<double> FirstAudio { get; }

    internal Histogram<double> SpeechEndToAudio { get; }

    internal Histogram<double> PlatformAdded { get; }
}
