namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// Loaded decoders waiting for their next utterance, at most <c>maxIdle</c>, most recently used first. A decoder keeps
/// its live cepstral mean from its last utterance, which helps a session that reuses it. Thread-safe.
/// </summary>
internal sealed class DecoderPool(int maxIdle)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<PocketSphinxDecoder> _idle = new();

    /// <summary>An idle decoder holding <paramref name="modelKey"/>'s models, or null.</summary>
    public PocketSphinxDecoder? Rent(string modelKey)
    {
        lock (_lock)
        {
            for (var node = _idle.First; node is not null; node = node.Next)
            {
                if (node.Value.ModelKey == modelKey)
                {
                    _idle.Remove(node);
                    return node.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Keeps <paramref name="decoder"/> for reuse; returns the decoder that no longer fits (to be freed), if any.</summary>
    public PocketSphinxDecoder? Return(PocketSphinxDecoder decoder)
    {
        lock (_lock)
        {
            _idle.AddFirst(decoder);
            if (_idle.Count <= maxIdle)
            {
                return null;
            }

            var evicted = _idle.Last!.Value;
            _idle.RemoveLast();
            return evicted;
        }
    }

    /// <summary>Removes and returns every idle decoder.</summary>
    public IReadOnlyList<PocketSphinxDecoder> Drain()
    {
        lock (_lock)
        {
            var all = _idle.ToList();
            _idle.Clear();
            return all;
        }
    }
}
