using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Voice;

/// <summary>The voice scenario's Markdown section and JSON figures.</summary>
internal static class VoiceReport
{
    public static ScenarioReport Build(IReadOnlyList<VoiceLevelResult> levels, double seconds, string loadAverage)
    {
        var table = new MarkdownTable(
            "sessions", "frame P50/P99 ms", "barge-in P50/P99 ms", "onset→interrupted (stream) ms", "speech end→audio P50/P95 ms",
            "platform-added P50/P95 ms", "ASR final P95 ms", "asked→audio P95 ms", "answers", "audio after onset ms", "CPU cores");
        var json = new JsonArray();
        foreach (var l in levels)
        {
            table.Row(
                l.Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{MarkdownTable.Num(l.Frame.P50, 2)} / {MarkdownTable.Num(l.Frame.P99, 2)}",
                $"{MarkdownTable.Num(l.BargeIn.P50, 2)} / {MarkdownTable.Num(l.BargeIn.P99, 2)} (n={l.BargeIn.Count})",
                MarkdownTable.Num(l.OnsetToInterrupted.P99, 0),
                $"{MarkdownTable.Num(l.SpeechEndToAudio.P50, 0)} / {MarkdownTable.Num(l.SpeechEndToAudio.P95, 0)}",
                $"{MarkdownTable.Num(l.PlatformAdded.P50, 1)} / {MarkdownTable.Num(l.PlatformAdded.P95, 1)}",
                MarkdownTable.Num(l.FinalTranscript.P95, 0),
                MarkdownTable.Num(l.FirstAudio.P95, 0),
                l.Answered.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MarkdownTable.Num(l.AudioAfterOnsetMs, 0),
                MarkdownTable.Num(l.CpuCores, 2));
            json.Add(new JsonObject
            {
                ["sessions"] = l.Sessions,
                ["frame_p50_ms"] = Round(l.Frame.P50),
                ["frame_p99_ms"] = Round(l.Frame.P99),
                ["barge_in_p50_ms"] = Round(l.BargeIn.P50),
                ["barge_in_p99_ms"] = Round(l.BargeIn.P99),
                ["barge_ins"] = l.BargeIn.Count,
                ["onset_to_interrupted_stream_p99_ms"] = Round(l.OnsetToInterrupted.P99),
                ["speech_end_to_audio_p50_ms"] = Round(l.SpeechEndToAudio.P50),
                ["speech_end_to_audio_p95_ms"] = Round(l.SpeechEndToAudio.P95),
                ["platform_added_p50_ms"] = Round(l.PlatformAdded.P50),
                ["platform_added_p95_ms"] = Round(l.PlatformAdded.P95),
                ["asr_final_p95_ms"] = Round(l.FinalTranscript.P95),
                ["asked_to_audio_p95_ms"] = Round(l.FirstAudio.P95),
                ["answers"] = l.Answered,
                ["audio_after_onset_ms"] = Round(l.AudioAfterOnsetMs),
                ["worst_feed_lag_ms"] = Round(l.WorstFeedLagMs),
                ["cpu_cores"] = Round(l.CpuCores),
                ["real_time"] = l.RealTime,
            });
        }

        // The most sessions held in real time, at that level and every level below it.
        var held = levels.TakeWhile(l => l.RealTime).Select(l => l.Sessions).DefaultIfEmpty(0).Max();
        var perCore = held / (double)Environment.ProcessorCount;
        var best = levels.TakeWhile(l => l.RealTime).LastOrDefault() ?? levels[0];
        var markdown = new StringBuilder()
            .Append("## voice\n\n")
            .Append("In-process `VoicePipeline`s with the engines a silo registers (`AddChatbotVoice`: energy/periodicity VAD, pocketsphinx ")
            .Append("with the knowledge base's domain model, espeak-ng), each fed 20 ms frames of 16 kHz PCM16 in real time by a caller that asks an espeak-ng question, ")
            .Append("speaks over the answer once 300 ms of it was sent, and listens to the answer to that second question; a model that ")
            .Append($"answers instantly, so model time is zero. {seconds:F0} s per level; the figures are the sessions' own `Chatbot.Voice` histograms. ")
            .Append($"{Environment.ProcessorCount} cores; load average (1, 5, 15 min) at the end {loadAverage} (other processes share them).\n\n")
            .Append(table)
            .Append($"\nReal-time sessions (P99 frame < {VoiceScenario.GoalFrameP99Ms} ms): **{held}** ({perCore:F1} per core).  \n")
            .Append($"Barge-in (frame deciding speech → `interrupted`) P99 ≤ {VoiceScenario.GoalBargeInP99Ms} ms at {best.Sessions} session(s): ")
            .Append($"{Verdict(best.BargeIn.P99 <= VoiceScenario.GoalBargeInP99Ms)} ({MarkdownTable.Num(best.BargeIn.P99, 2)} ms). ")
            .Append("The decision comes `min_speech_ms` after the first voiced frame (the onset→interrupted column, in stream time); output ")
            .Append("is held from the first loud frame, so no audio goes out meanwhile (the audio-after-onset column).  \n")
            .Append($"Platform-added latency from end of speech to first `tts_chunk`, excluding model time, P95 ≤ {VoiceScenario.GoalSpeechEndToAudioP95Ms} ms ")
            .Append($"at {best.Sessions} session(s): {Verdict(best.PlatformAdded.P95 <= VoiceScenario.GoalSpeechEndToAudioP95Ms)} ")
            .Append($"({MarkdownTable.Num(best.PlatformAdded.P95, 1)} ms): each answer's end-of-speech-to-audio time less its engines' time — the ")
            .Append("recognizer's final pass, the answer's first sentence and synthesis of its first chunk (`chatbot.voice.platform_added.latency`). ")
            .Append($"With the engines, end of speech → first audio P95 is {MarkdownTable.Num(best.SpeechEndToAudio.P95, 0)} ms, mostly the ASR column.\n");
        return new ScenarioReport("voice", markdown.ToString(), new JsonObject
        {
            ["seconds_per_level"] = seconds,
            ["cores"] = Environment.ProcessorCount,
            ["load_average"] = loadAverage,
            ["levels"] = json,
            ["real_time_sessions"] = held,
            ["real_time_sessions_per_core"] = Math.Round(perCore, 2),
        });
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static double Round(double value) => double.IsNaN(value) ? -1 : Math.Round(value, 2);
}
