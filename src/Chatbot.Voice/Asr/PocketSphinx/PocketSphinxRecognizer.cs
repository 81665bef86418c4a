using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// <see cref="ISpeechRecognizer"/> over pocketsphinx. An utterance with a <see cref="RecognitionOptions.Domain"/> is
/// decoded with that domain's trigram model (built once, see <see cref="DomainModelStore"/>), otherwise with the general
/// English model; partials come from a streaming pass, the final transcript from a whole-utterance pass (see
/// <see cref="PocketSphinxRecognitionStream"/>). Decoders are loaded on <see cref="NativeCallGate"/> threads and kept in
/// a pool between utterances, since loading takes tens of milliseconds (domain) to seconds (general). Thread-safe; a
/// singleton.
/// </summary>
public sealed partial class PocketSphinxRecognizer : ISpeechRecognizer, IDisposable
{
    private const string GeneralModelKey = "general";
    private const string LiveSuffix = "|live";
    private const string BatchSuffix = "|batch";

    private readonly PocketSphinxOptions _options;
    private readonly NativeCallGate _gate;
    private readonly ILogger _logger;
    private readonly DomainModelStore _store;
    private readonly DecoderPool<PocketSphinxDecoder> _pool;
    private readonly ConcurrentDictionary<string, Lazy<Task<DomainModelFiles>>> _domains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Dictionary, string LanguageModel)> _models = new(StringComparer.Ordinal);
    private readonly int _maxUtteranceSamples;
    private volatile bool _disposed;

    /// <summary>
    /// A recognizer with <paramref name="options"/>, running native work through <paramref name="gate"/>, accepting
    /// utterances up to <paramref name="maxUtterance"/> long.
    /// </summary>
    public PocketSphinxRecognizer(PocketSphinxOptions options, NativeCallGate gate, TimeSpan maxUtterance, ILogger<PocketSphinxRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _maxUtteranceSamples = (int)Math.Min(int.MaxValue, maxUtterance.TotalSeconds * Audio.AudioFormat.InternalSampleRate);
        _models[GeneralModelKey] = (options.DictionaryPath, options.LanguageModelPath);
        _gate = gate;
        _logger = logger;
        _store = new DomainModelStore(options);
        _pool = new DecoderPool<PocketSphinxDecoder>(options.MaxIdleDecoders, d => d.ModelKey);
    }

    /// <inheritdoc />
    public async ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // 1. The models: the general ones, or the domain's, built the first time it is seen.
        var model = GeneralModelKey;
        if (options.Domain is { } domain)
        {
            var files = await DomainFilesAsync(domain, cancellationToken).ConfigureAwait(false);
            model = "domain:" + domain.Id;
            _models.TryAdd(model, (files.DictionaryPath, files.LanguageModelPath));
        }

        // 2. The streaming pass' decoder, its utterance started (none when partials are off).
        PocketSphinxDecoder? live = null;
        if (_options.PartialIntervalMs > 0)
        {
            live = await RentAsync(model + LiveSuffix, cancellationToken).ConfigureAwait(false);
            try
            {
                await _gate.RunAsync(live.StartUtterance, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Return(live);
                throw;
            }
        }

        return new PocketSphinxRecognitionStream(this, _gate, model, live, _options, _maxUtteranceSamples);
    }

    /// <summary>Frees the idle decoders; those of open streams are freed as the streams give them back.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var decoder in _pool.Drain())
        {
            decoder.Dispose();
        }
    }

    /// <summary>The final pass: <paramref name="audio"/> decoded whole on a batch decoder of <paramref name="model"/>.</summary>
    internal async Task<string> DecodeWholeAsync(string model, short[] audio, CancellationToken cancellationToken)
    {
        var decoder = await RentAsync(model + BatchSuffix, cancellationToken).ConfigureAwait(false);
        try
        {
            var text = await _gate.RunAsync(() => decoder.DecodeWhole(audio), cancellationToken).ConfigureAwait(false);
            Return(decoder);
            return text;
        }
        catch (InvalidOperationException)
        {
            await _gate.RunAsync(decoder.Dispose, CancellationToken.None).ConfigureAwait(false); // not trusted again
            throw;
        }
        catch (OperationCanceledException)
        {
            Return(decoder); // cancelled before it was used
            throw;
        }
    }

    /// <summary>Takes a streaming pass' decoder back: its utterance ended, it is pooled (or freed if it cannot end it).</summary>
    internal async ValueTask ReleaseLiveAsync(PocketSphinxDecoder decoder)
    {
        try
        {
            await _gate.RunAsync(decoder.EndUtterance, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await _gate.RunAsync(decoder.Dispose, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        Return(decoder);
    }

    private async Task<PocketSphinxDecoder> RentAsync(string poolKey, CancellationToken cancellationToken)
    {
        if (_pool.Rent(poolKey) is { } idle)
        {
            return idle;
        }

        var model = poolKey[..poolKey.LastIndexOf('|')];
        var (dictionary, languageModel) = _models[model];
        return await _gate.RunAsync(() =>
        {
            LogLoadingDecoder(_logger, poolKey);
            return PocketSphinxDecoder.Create(poolKey, _options.AcousticModelPath, dictionary, languageModel);
        }, cancellationToken).ConfigureAwait(false);
    }

    // Pools the decoder; one that no longer fits is freed off the caller's thread, without waiting for it.
    private void Return(PocketSphinxDecoder decoder)
    {
        if (_disposed)
        {
            _ = _gate.RunAsync(decoder.Dispose, CancellationToken.None);
        }
        else if (_pool.Return(decoder) is { } evicted)
        {
            _ = _gate.RunAsync(evicted.Dispose, CancellationToken.None);
        }
    }

    private async Task<DomainModelFiles> DomainFilesAsync(SpeechDomain domain, CancellationToken cancellationToken)
    {
        var build = _domains.GetOrAdd(domain.Id, _ => new Lazy<Task<DomainModelFiles>>(() => _gate.RunAsync(() =>
        {
            var files = _store.GetOrBuild(domain);
            LogDomainModel(_logger, domain.Id, files.Words, files.DroppedWords, files.LanguageModelPath);
            return files;
        }, CancellationToken.None)));
        try
        {
            return await build.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _domains.TryRemove(domain.Id, out _); // a failed build is retried by the next utterance
            throw;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loading a pocketsphinx decoder for model {ModelKey}")]
    private static partial void LogLoadingDecoder(ILogger logger, string modelKey);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Domain language model {DomainId}: {Words} words, {DroppedWords} dropped as unpronounceable, at {Path}")]
    private static partial void LogDomainModel(ILogger logger, string domainId, int words, int droppedWords, string path);
}
