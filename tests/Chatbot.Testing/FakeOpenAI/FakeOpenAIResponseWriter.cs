using Microsoft.AspNetCore.Http;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>Writes one scripted <see cref="FakeReply"/> as an OpenAI chat-completions response.</summary>
internal sealed class FakeOpenAIResponseWriter(
    HttpContext context, FakeReply reply, FakeOpenAIRequest request, string id, CancellationToken aborted)
{
    private const long Created = 1727346171;

    private readonly FakeOpenAIWire _wire = new(id, Created, request.Model ?? "fake-model");

    public async Task WriteAsync()
    {
        // 1. Hold before any header when scripted; the client sees nothing at all.
        if (reply.StallBeforeHeaders is { } headersGate)
        {
            await headersGate.PassAsync(aborted);
        }

        // 2. Errors carry OpenAI's error body (and Retry-After when scripted).
        if (reply.StatusCode is { } status)
        {
            context.Response.StatusCode = status;
            if (reply.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(FakeOpenAIWire.Error(status), aborted);
            return;
        }

        var completionTokens = reply.CompletionTokens ?? reply.Pieces.Count;
        if (!request.Stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(_wire.Completion(string.Concat(reply.Pieces), reply.PromptTokens, completionTokens, reply.ToolCalls), aborted);
            return;
        }

        // 3. Stream: role chunk, one chunk per piece (flushed each, so the client sees them as they come), with the
        //    scripted stall or abort in between; then the finish chunk, the usage chunk when asked for, and [DONE].
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await SendAsync(_wire.RoleChunk());
        for (var i = 0; i < reply.Pieces.Count; i++)
        {
            if (reply.StallBetweenChunks is { } gate && reply.StallAfterPieces == i)
            {
                await gate.PassAsync(aborted);
            }

            if (reply.AbortAfterPieces == i)
            {
                context.Abort();
                return;
            }

            await SendAsync(_wire.ContentChunk(reply.Pieces[i]));
        }

        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            await SendAsync(_wire.ToolCallChunk(i, reply.ToolCalls[i]));
        }

        await SendAsync(_wire.FinishChunk(reply.ToolCalls.Count > 0 ? "tool_calls" : "stop"));
        if (request.IncludeUsage)
        {
            await SendAsync(_wire.UsageChunk(reply.PromptTokens, completionTokens));
        }

        await SendAsync("[DONE]");
    }

    private async Task SendAsync(string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n", aborted);
        await context.Response.Body.FlushAsync(aborted);
    }
}
