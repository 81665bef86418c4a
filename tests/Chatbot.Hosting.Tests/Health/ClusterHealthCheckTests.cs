using System.Collections.Immutable;
using System.Net;
using System.Reflection;
using Chatbot.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Hosting.Tests.Health;

/// <summary>Readiness of a silo means an active member of the cluster, not merely a running process.</summary>
public sealed class ClusterHealthCheckTests
{
    private static readonly SiloAddress Silo = SiloAddress.New(IPAddress.Loopback, 11111, 1);

    [Theory]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Dead)]
    public async Task CheckHealthAsync_SiloNotActive_UnhealthyNamingItsStatus(SiloStatus status)
    {
        var check = new ClusterHealthCheck(GrainFactoryThatMustNotBeCalled.Create(), new LocalSilo(), new Membership(status));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(status.ToString(), result.Description, StringComparison.Ordinal);
    }

    private sealed class LocalSilo : ILocalSiloDetails
    {
        public string Name => "silo";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => Silo;

        public SiloAddress GatewayAddress => Silo;
    }

    private sealed class Membership(SiloStatus status) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(Silo, new ClusterMember(Silo, status, "silo")), new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => throw new NotSupportedException();
    }

    // A silo that is not an active member must not even try a grain call.
    public class GrainFactoryThatMustNotBeCalled : DispatchProxy
    {
        public static IGrainFactory Create() => Create<IGrainFactory, GrainFactoryThatMustNotBeCalled>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} was called on a silo that is not an active member.");
    }
}
