namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Token-id sequences padded to the longest of the batch, row-major <c>[Count, Length]</c>, as int64 model inputs:
/// ids (padding id after the end), attention mask (1 on real tokens) and token types (all 0: one segment).
/// </summary>
internal sealed class TokenBatch
{
    private TokenBatch(int count, int length)
    {
        Count = count;
        Length = length;
        InputIds = new long[count * length];
        AttentionMask = new long[count * length];
        TokenTypeIds = new long[count * length];
    }

    public int Count { get; }

    public int Length { get; }

    public long[] InputIds { get; }

    public long[] AttentionMask { get; }

    public long[] TokenTypeIds { get; }

    public long[] Shape => [Count, Length];

    public static TokenBatch Pad(IReadOnlyList<int[]> sequences, int paddingId)
    {
        var batch = new TokenBatch(sequences.Count, sequences.Max(s => s.Length));
        for (var row = 0; row < sequences.Count; row++)
        {
            var ids = batch.InputIds.AsSpan(row * batch.Length, batch.Length);
            ids.Fill(paddingId);
            for (var i = 0; i < sequences[row].Length; i++)
            {
                ids[i] = sequences[row][i];
            }

            batch.AttentionMask.AsSpan(row * batch.Length, sequences[row].Length).Fill(1);
        }

        return batch;
    }
}
