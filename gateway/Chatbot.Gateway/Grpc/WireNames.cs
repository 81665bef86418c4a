using System.Text.Json;

namespace Chatbot.Gateway.Grpc;

/// <summary>Enum values as the HTTP API's JSON writes them (snake_case strings), so both APIs say the same.</summary>
internal static class WireNames
{
    /// <summary><c>DocumentState.Done</c> → <c>done</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
