namespace Chatbot.Knowledge.Indexing.Bm25;

/// <summary>
/// Slots containing one term and the term's frequency in each, in ascending slot order (slots only grow). Entries of
/// removed chunks stay until the index compacts; <see cref="DocumentFrequency"/> counts live chunks only.
/// </summary>
internal sealed class PostingList
{
    private int[] _slots = new int[2];
    private int[] _frequencies = new int[2];

    public int Count { get; private set; }

    public int DocumentFrequency { get; set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public ReadOnlySpan<int> Frequencies => _frequencies.AsSpan(0, Count);

    public void Add(int slot, int frequency)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, Count * 2);
            Array.Resize(ref _frequencies, Count * 2);
        }

        _slots[Count] = slot;
        _frequencies[Count] = frequency;
        Count++;
        DocumentFrequency++;
    }
}

/// <summary>The distinct term ids of one chunk with their frequencies, and its length in terms.</summary>
internal sealed record ForwardEntry(int[] TermIds, int[] Frequencies, int Length);
