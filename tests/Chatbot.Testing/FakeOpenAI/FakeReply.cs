namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// What <see cref="FakeOpenAIServer"/> answers to one chat-completions request: the answer's text pieces (one chunk
/// each when streaming), or an HTTP error, optionally held at a <see cref="FakeGate"/> or cut off mid-stream.
/// </summary>
public sealed record FakeReply
{
    /// <summary>The answer, one streamed chunk per piece; joined for a non-streaming answer.</summary>
    public IReadOnlyList<string> Pieces { get; init; } = [];

    /// <summary>Function calls the model asks for (finish reason <c>tool_calls</c>), after any text pieces.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>When set, the reply is this HTTP status with an OpenAI error body instead of an answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Value of a <c>Retry-After</c> header (seconds) sent with an error status.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>When set, the server holds the request here before sending any response header.</summary>
    public FakeGate? StallBeforeHeaders { get; init; }

    /// <summary>When set, the server holds the stream here after <see cref="StallAfterPieces"/> pieces were sent.</summary>
    public FakeGate? StallBetweenChunks { get; init; }

    /// <summary>Pieces sent before <see cref="StallBetweenChunks"/> holds the stream.</summary>
    public int StallAfterPieces { get; init; }

    /// <summary>When set, the server aborts the connection after sending this many pieces.</summary>
    public int? AbortAfterPieces { get; init; }

    /// <summary>Prompt tokens reported in usage.</summary>
    public int PromptTokens { get; init; } = 11;

    /// <summary>Completion tokens reported in usage; by default the number of pieces.</summary>
    public int? CompletionTokens { get; init; }

    /// <summary>An answer made of <paramref name="pieces"/>.</summary>
    public static FakeReply Text(params string[] pieces) => new() { Pieces = pieces };

    /// <summary>A reply that asks for <paramref name="calls"/> and says nothing.</summary>
    public static FakeReply Calls(params FakeToolCall[] calls) => new() { ToolCalls = calls };

    /// <summary>An HTTP error, e.g. 503 or 429.</summary>
    public static FakeReply Status(int statusCode, int? retryAfterSeconds = null) =>
        new() { StatusCode = statusCode, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>This reply, held before its headers until <paramref name="gate"/> is released.</summary>
    public FakeReply StallingBeforeHeaders(FakeGate gate) => this with { StallBeforeHeaders = gate };

    /// <summary>This reply, held after <paramref name="pieces"/> pieces until <paramref name="gate"/> is released.</summary>
    public FakeReply StallingAfter(int pieces, FakeGate gate) => this with { StallAfterPieces = pieces, StallBetweenChunks = gate };

    /// <summary>This reply, with the connection aborted after <paramref name="pieces"/> pieces.</summary>
    public FakeReply AbortingAfter(int pieces) => this with { AbortAfterPieces = pieces };
}
