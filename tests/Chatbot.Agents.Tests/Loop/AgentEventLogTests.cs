using Chatbot.Agents.Loop;
using Xunit;

namespace Chatbot.Agents.Tests.Loop;

public sealed class AgentEventLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_FromAnyPosition_StoredThenLiveEventsUntilTheTerminalOne()
    {
        var log = new AgentEventLog([new AgentEvent { Type = AgentEventTypes.Plan, Seq = 1 }, new AgentEvent { Type = AgentEventTypes.ToolCall, Seq = 2 }]);
        var reader = ReadAllAsync(log.ReadAsync(1, Ct));

        log.Publish(log.Number([new AgentEvent { Type = AgentEventTypes.Result }, new AgentEvent { Type = AgentEventTypes.Done }]));

        Assert.Equal([2L, 3L, 4L], (await reader).Select(e => e.Seq));
        Assert.True(log.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => log.Publish(log.Number([new AgentEvent { Type = AgentEventTypes.Reasoning }])));
    }

    private static async Task<List<AgentEvent>> ReadAllAsync(IAsyncEnumerable<AgentEvent> events)
    {
        var read = new List<AgentEvent>();
        await foreach (var e in events)
        {
            read.Add(e);
        }

        return read;
    }
}
