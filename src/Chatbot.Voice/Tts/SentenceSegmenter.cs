using System.Runtime.CompilerServices;
using System.Text;

namespace Chatbot.Voice.Tts;

/// <summary>
/// Cuts a model's streamed answer into sentences as soon as each one ends, so speech can start while the rest is still
/// being written. A sentence ends at <c>! ?</c> followed by white space; at <c>.</c> followed by white space and a word
/// that does not start in lower case or with a digit (so "Jan. 5" and "e.g. by" go on), unless the period closes a
/// common abbreviation or an initial; at <c>。！？；…</c> followed by anything; or at a line break. Closing quotes and
/// brackets stay with their sentence. Text that grows past <see cref="MaxLength"/> without an end is cut at its last
/// comma-like mark or space. Not thread-safe: one per answer.
/// </summary>
public sealed class SentenceSegmenter
{
    /// <summary>Default <see cref="MaxLength"/>, in characters.</summary>
    public const int DefaultMaxLength = 200;

    private const string LatinEnds = ".!?";
    private const string CjkEnds = "。！？；…";
    private const string Closers = "\"')]}”’」』）》";
    private static readonly System.Buffers.SearchValues<char> SoftBreaks = System.Buffers.SearchValues.Create(",;:，、；：");
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "jr", "sr", "no", "approx",
    };

    private readonly StringBuilder _pending = new();
    private int _scanned;

    /// <summary>A segmenter that cuts text longer than <paramref name="maxLength"/> characters (at least 20).</summary>
    public SentenceSegmenter(int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        MaxLength = maxLength;
    }

    /// <summary>The longest segment emitted without a sentence end.</summary>
    public int MaxLength { get; }

    /// <summary>Adds the next piece of the answer; returns the sentences it completed, trimmed, in order.</summary>
    public IReadOnlyList<string> Push(string delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        _pending.Append(delta);
        var sentences = new List<string>();
        while (NextBoundary() is { } end)
        {
            Emit(end, sentences);
        }

        return sentences;
    }

    /// <summary>The rest of the answer once it is complete, trimmed; null when nothing speakable is left.</summary>
    public string? Flush()
    {
        var sentences = new List<string>();
        Emit(_pending.Length, sentences);
        return sentences.Count == 0 ? null : sentences[0];
    }

    /// <summary>The sentences of a streamed answer, each yielded as soon as it ends, then the rest.</summary>
    public static async IAsyncEnumerable<string> SplitAsync(
        IAsyncEnumerable<string> deltas, int maxLength = DefaultMaxLength, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var segmenter = new SentenceSegmenter(maxLength);
        await foreach (var delta in deltas.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var sentence in segmenter.Push(delta))
            {
                yield return sentence;
            }
        }

        if (segmenter.Flush() is { } rest)
        {
            yield return rest;
        }
    }

    // The length of the next complete segment, or null when more text is needed to tell.
    private int? NextBoundary()
    {
        for (var i = _scanned; i < _pending.Length; i++)
        {
            var c = _pending[i];
            if (c == '\n')
            {
                return i + 1;
            }

            if (LatinEnds.Contains(c) || CjkEnds.Contains(c))
            {
                var end = i + 1;
                while (end < _pending.Length && (LatinEnds.Contains(_pending[end]) || CjkEnds.Contains(_pending[end]) || Closers.Contains(_pending[end])))
                {
                    end++;
                }

                if (end == _pending.Length)
                {
                    _scanned = i;
                    return null; // the next character decides
                }

                if (CjkEnds.Contains(c) || CjkEnds.Contains(_pending[end - 1]))
                {
                    return end;
                }

                if (char.IsWhiteSpace(_pending[end]))
                {
                    if (c != '.')
                    {
                        return end;
                    }

                    var next = end;
                    while (next < _pending.Length && char.IsWhiteSpace(_pending[next]))
                    {
                        next++;
                    }

                    if (next == _pending.Length)
                    {
                        _scanned = i;
                        return null; // the next word decides
                    }

                    if (!char.IsLower(_pending[next]) && !char.IsDigit(_pending[next]) && !FollowsAbbreviation(i))
                    {
                        return end;
                    }
                }

                i = end - 1;
            }
        }

        _scanned = _pending.Length;
        return _pending.Length > MaxLength ? SoftCut() : null;
    }

    private bool FollowsAbbreviation(int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(_pending[start - 1]) || _pending[start - 1] == '.'))
        {
            start--;
        }

        var word = _pending.ToString(start, dot - start);
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private int SoftCut()
    {
        var window = _pending.ToString(0, MaxLength);
        var soft = window.AsSpan().LastIndexOfAny(SoftBreaks);
        if (soft > 0)
        {
            return soft + 1;
        }

        var space = window.LastIndexOf(' ');
        return space > 0 ? space + 1 : MaxLength;
    }

    private void Emit(int length, List<string> sentences)
    {
        var sentence = _pending.ToString(0, length).Trim();
        _pending.Remove(0, length);
        _scanned = 0;
        if (sentence.Any(char.IsLetterOrDigit))
        {
            sentences.Add(sentence);
        }
    }
}
