using Chatbot.AI.Safety;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Safety;

public sealed class StreamingAnswerGuardChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<ChatResponseUpdate>> StreamAsync(IChatClient client, string tenant)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("q", GuardTesting.For(tenant), Ct))
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task Stream_EmailAndPhoneSplitOverUpdates_RedactedWholeAndUsageKept()
    {
        using var safety = new GuardTesting();
        var inner = new GuardTesting.PiecesChatClient(
            "Write to ", "ana.sil", "va@exam", "ple.com or call +1 ", "415 555 ", "0132 any weekday between nine and five, ", "and keep your order number handy.");
        var client = new StreamingAnswerGuardChatClient(inner, safety.Guard, safety.Detector, safety.Options);

        var updates = await StreamAsync(client, "acme");

        var text = string.Concat(updates.Select(u => u.Text));
        Assert.Equal("Write to [EMAIL] or call [PHONE] any weekday between nine and five, and keep your order number handy.", text);
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, "text should still stream in several pieces");
        Assert.Contains(updates, u => u.Contents.OfType<UsageContent>().Any());
    }

    [Fact]
    public async Task Stream_TenantAllowsPersonalData_PassesThroughUntouched()
    {
        using var safety = new GuardTesting(new() { ["Chatbot:Safety:Tenants:open:OutputPii"] = "Allow", ["Chatbot:Safety:Tenants:open:Toxicity"] = "Allow" });
        var inner = new GuardTesting.PiecesChatClient("Mail ana@example.com", " today.");
        var client = new StreamingAnswerGuardChatClient(inner, safety.Guard, safety.Detector, safety.Options);

        var updates = await StreamAsync(client, "open");

        Assert.Equal(["Mail ana@example.com", " today."], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
    }

    [Fact]
    public async Task Stream_ChineseWithoutSpaces_RedactsTheMobileNumber()
    {
        using var safety = new GuardTesting();
        var inner = new GuardTesting.PiecesChatClient("请拨打客服电话", "1381234", "5678，", "我们会在一个工作日内回复您的问题。");
        var client = new StreamingAnswerGuardChatClient(inner, safety.Guard, safety.Detector, safety.Options);

        var text = string.Concat((await StreamAsync(client, "acme")).Select(u => u.Text));

        Assert.Equal("请拨打客服电话[PHONE]，我们会在一个工作日内回复您的问题。", text);
    }
}
