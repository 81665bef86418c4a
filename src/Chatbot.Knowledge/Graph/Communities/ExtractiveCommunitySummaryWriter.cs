namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>The offline writer: the extractive summary's own text (<see cref="CommunitySummary.Text"/>). Stateless.</summary>
public sealed class ExtractiveCommunitySummaryWriter : ICommunitySummaryWriter
{
    /// <inheritdoc />
    public Task<string> WriteAsync(CommunitySummary summary, IReadOnlyList<CommunityRelation> relations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Task.FromResult(summary.Text);
    }
}
