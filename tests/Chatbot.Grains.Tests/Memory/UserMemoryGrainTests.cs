using Chatbot.Hosting;
using Chatbot.Memory;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Chatbot.Grains.Tests.Memory;

/// <summary>A user's long-term memory: capped (the oldest go first), duplicates ignored, recalled by similarity, per user.</summary>
public sealed class UserMemoryGrainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Remember_BeyondTheLimit_OldestForgottenDuplicatesIgnoredAndRecallFindsTheClosest()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
            ["Chatbot:Agents:LongTermFactLimit"] = "3",
        }).Build();
        builder.ConfigureSilo((_, silo) => silo.AddChatbotSilo(configuration));
        await using var cluster = builder.Build();
        await cluster.DeployAsync(Ct);
        var ana = cluster.Client.GetGrain<IUserMemoryGrain>(UserKey.Format("acme", "auth0|ana/1"));

        await ana.RememberAsync(["My name is Ana", "I work in the Lisbon office"], MemoryFactKinds.Stated, "c1");
        await ana.RememberAsync(["my name is  ana.", "Our fiscal year starts in April"], MemoryFactKinds.Stated, "c2");
        await ana.RememberAsync(["I prefer short answers"], MemoryFactKinds.Confirmed, null);

        var page = await ana.ListAsync(0, 10);
        Assert.Equal(3, page.Total);
        Assert.Equal(["I prefer short answers", "Our fiscal year starts in April", "I work in the Lisbon office"], page.Items.Select(f => f.Text));
        var recalled = await ana.RecallAsync("When does the fiscal year start?", 1, 0.1);
        Assert.Equal("Our fiscal year starts in April", Assert.Single(recalled).Fact.Text);
        Assert.True(await ana.ForgetAsync(page.Items[0].Id));
        Assert.Equal(2, (await ana.ListAsync(0, 10)).Total);
        Assert.Equal(0, (await cluster.Client.GetGrain<IUserMemoryGrain>(UserKey.Format("acme", "bob")).ListAsync(0, 10)).Total);
    }
}
