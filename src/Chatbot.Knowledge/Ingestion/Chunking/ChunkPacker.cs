namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>A chunk's extent in the document's plain text, before it becomes a <see cref="DocumentChunk"/>.</summary>
internal readonly record struct ChunkSpan(int Start, int End, int Tokens, int? Page);

/// <summary>
/// Packs one section's units into chunks of at most a token budget. Greedy, with two refinements: when a chunk is
/// full it ends at the strongest break (paragraph, then sentence, then line) that still leaves it at least half
/// full; and the next chunk starts with up to <c>overlap</c> tokens from the end of the previous one.
/// </summary>
internal sealed class ChunkPacker(SpanTokenCounter counter)
{
    // Joining two spans can cost a token or two beyond their separate counts (the separator, merged punctuation).
    private const int JoinAllowance = 2;

    public IEnumerable<ChunkSpan> Pack(IReadOnlyList<TextUnit> units, int budget, int overlap)
    {
        var first = 0;
        var (start, page) = units.Count > 0 ? (units[0].Start, units[0].Page) : (0, null);
        var estimates = new List<int>();
        while (first < units.Count)
        {
            // 1. The overlap carried in front must leave room for the first new unit; if it does not, drop it.
            if (start != units[first].Start && counter.Count(start, units[first].End) > budget)
            {
                (start, page) = (units[first].Start, units[first].Page);
            }

            // 2. Fill greedily. Counting the whole span after every unit would be quadratic, so estimate from the
            //    units' own counts and count exactly only when the estimate reaches the budget.
            estimates.Clear();
            estimates.Add(counter.Count(start, units[first].End));
            var last = first;
            while (last + 1 < units.Count)
            {
                var estimate = estimates[^1] + units[last + 1].Tokens + JoinAllowance;
                if (estimate > budget)
                {
                    estimate = counter.Count(start, units[last + 1].End);
                    if (estimate > budget)
                    {
                        break;
                    }
                }

                estimates.Add(estimate);
                last++;
            }

            // 3. A full chunk ends at the strongest break that keeps it at least half full.
            var next = last + 1;
            if (next < units.Count)
            {
                for (var k = last; k > first && estimates[k - 1 - first] >= budget / 2; k--)
                {
                    if (units[k].Strength > units[next].Strength)
                    {
                        next = k;
                    }
                }
            }

            // 4. Count exactly; if the estimates were optimistic, give back units until it fits.
            var tokens = counter.Count(start, units[next - 1].End);
            while (tokens > budget && next - 1 > first)
            {
                next--;
                tokens = counter.Count(start, units[next - 1].End);
            }

            yield return new ChunkSpan(start, units[next - 1].End, tokens, page);
            if (next < units.Count)
            {
                (start, page) = OverlapStart(units, first, next - 1, overlap) ?? (units[next].Start, units[next].Page);
            }

            first = next;
        }
    }

    /// <summary>
    /// Where the next chunk starts so that it repeats at most <paramref name="overlap"/> tokens: at a sentence start
    /// when whole sentences fit, otherwise at a word start inside the last sentence.
    /// </summary>
    private (int Start, int? Page)? OverlapStart(IReadOnlyList<TextUnit> units, int first, int last, int overlap)
    {
        if (overlap == 0)
        {
            return null;
        }

        var end = units[last].End;
        var best = -1;
        for (var k = last; k >= first && counter.Count(units[k].Start, end) <= overlap; k--)
        {
            best = k;
        }

        if (best >= 0)
        {
            return (units[best].Start, units[best].Page);
        }

        var text = counter.Text;
        var tail = counter.FitBackward(units[last].Start, end, overlap);
        while (tail < end && (TextBoundaries.IsInsideWord(text, tail) || char.IsLowSurrogate(text[tail])))
        {
            tail++;
        }

        tail = TextBoundaries.SkipWhitespace(text, tail, end);
        return tail < end ? (tail, units[last].Page) : null;
    }
}
