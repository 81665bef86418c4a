using Microsoft.Extensions.AI;

namespace Chatbot.AI.Tests.Providers;

/// <summary>Reads a model stream step by step, so a test can act at an exact point of it.</summary>
internal static class StreamReading
{
    /// <summary>Moves <paramref name="updates"/> on until the text read so far is <paramref name="expected"/>.</summary>
    public static async Task<string> ReadUntilAsync(this IAsyncEnumerator<ChatResponseUpdate> updates, string expected)
    {
        var text = "";
        while (text.Length < expected.Length && await updates.MoveNextAsync())
        {
            text += updates.Current.Text;
        }

        return text;
    }

    /// <summary>The text of the remaining updates.</summary>
    public static async Task<string> ReadToEndAsync(this IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        var text = "";
        while (await updates.MoveNextAsync())
        {
            text += updates.Current.Text;
        }

        return text;
    }
}
