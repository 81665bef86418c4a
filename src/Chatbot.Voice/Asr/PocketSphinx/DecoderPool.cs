namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// Loaded decoders waiting for their next utterance: at most <c>maxIdle</c> per model key (a language model's streaming
/// or final-pass decoders) and <see cref="TotalFactor"/> times that in all, most recently used first. A decoder keeps
/// its live cepstral mean from its last utterance, which helps a session that reuses it. Generic over the decoder so the
/// policy is tested without native code. Thread-safe.
/// </summary>
/// <typeparam name="T">The decoder type.</typeparam>
internal sealed class DecoderPool<T>(int maxIdle, Func<T, string> modelKeyOf)
    where T : class
{
    /// <summary>Idle decoders of all model keys together, as a multiple of the per-key limit.</summary>
    public const int TotalFactor = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<T> _idle = new();

    /// <summary>An idle decoder holding <paramref name="modelKey"/>'s models, or null.</summary>
    public T? Rent(string modelKey)
    {
        lock (_lock)
        {
            for (var node = _idle.First; node is not null; node = node.Next)
            {
                if (modelKeyOf(node.Value) == modelKey)
                {
                    _idle.Remove(node);
                    return node.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Keeps <paramref name="decoder"/> for reuse; returns the decoder that no longer fits (to be freed), if any.</summary>
    public T? Return(T decoder)
    {
        lock (_lock)
        {
            _idle.AddFirst(decoder);
            var key = modelKeyOf(decoder);
            LinkedListNode<T>? oldestOfKey = null;
            var ofKey = 0;
            for (var node = _idle.First; node is not null; node = node.Next)
            {
                if (modelKeyOf(node.Value) == key)
                {
                    ofKey++;
                    oldestOfKey = node;
                }
            }

            var evict = ofKey > maxIdle ? oldestOfKey : _idle.Count > maxIdle * TotalFactor ? _idle.Last : null;
            if (evict is null)
            {
                return null;
            }

            _idle.Remove(evict);
            return evict.Value;
        }
    }

    /// <summary>Removes and returns every idle decoder.</summary>
    public IReadOnlyList<T> Drain()
    {
        lock (_lock)
        {
            var all = _idle.ToList();
            _idle.Clear();
            return all;
        }
    }
}
