using Chatbot.Agents;
using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.Hosting;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Grains.Memory;

/// <summary>
/// One user's long-term memory (facts, capped at <see cref="AgentsOptions.LongTermFactLimit"/>, the oldest forgotten
/// first; recalled by cosine similarity of hashing embeddings, rebuilt in memory on activation) and episodic memory (the
/// user's agent runs, capped at <see cref="AgentsOptions.EpisodeLimit"/>). Every change is written through.
/// </summary>
public sealed class UserMemoryGrain(
    [PersistentState("user-memory", ProviderNames.GrainState)] IPersistentState<UserMemoryState> state,
    HashingEmbeddingGenerator embedder,
    IOptions<AgentsOptions> options,
    TimeProvider timeProvider) : Grain, IUserMemoryGrain
{
    private readonly FactIndex _index = new(embedder);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in state.State.Facts)
        {
            _index.Add(fact);
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<MemoryFact>> RememberAsync(IReadOnlyList<string> facts, string kind, string? source)
    {
        var added = new List<MemoryFact>();
        var result = new List<MemoryFact>();
        foreach (var text in facts.Select(f => f.Trim()).Where(f => f.Length > 0))
        {
            var key = FactIndex.Normalize(text);
            if (state.State.Facts.Concat(added).FirstOrDefault(f => FactIndex.Normalize(f.Text) == key) is { } known)
            {
                result.Add(known);
                continue;
            }

            var fact = new MemoryFact
            {
                Id = "m_" + Guid.NewGuid().ToString("N")[..16],
                Text = text.Length <= FactExtractor.MaxFactChars ? text : text[..FactExtractor.MaxFactChars],
                Kind = kind,
                Source = source,
                CreatedAt = timeProvider.GetUtcNow(),
            };
            added.Add(fact);
            result.Add(fact);
        }

        if (added.Count > 0)
        {
            var limit = options.Value.LongTermFactLimit;
            var all = state.State.Facts.Concat(added).ToList();
            await WriteAsync(new UserMemoryState { Facts = all.Skip(Math.Max(0, all.Count - limit)).ToList(), Episodes = state.State.Episodes });
            RebuildIndex();
        }

        return result;
    }

    public Task<IReadOnlyList<RecalledFact>> RecallAsync(string query, int topK, double minScore) =>
        Task.FromResult(_index.Search(query, topK, minScore));

    public Task<MemoryPage> ListAsync(int offset, int limit)
    {
        var facts = state.State.Facts;
        var page = Enumerable.Range(0, facts.Count).Select(i => facts[facts.Count - 1 - i]).Skip(offset).Take(limit).ToList();
        return Task.FromResult(new MemoryPage(facts.Count, page));
    }

    public async Task<bool> ForgetAsync(string factId)
    {
        if (!state.State.Facts.Any(f => f.Id == factId))
        {
            return false;
        }

        await WriteAsync(new UserMemoryState { Facts = state.State.Facts.Where(f => f.Id != factId).ToList(), Episodes = state.State.Episodes });
        _index.Remove(factId);
        return true;
    }

    public async Task RecordEpisodeAsync(AgentRunSummary episode)
    {
        var episodes = state.State.Episodes.Where(e => e.RunId != episode.RunId).Append(episode).OrderBy(e => e.CreatedAt).ToList();
        var limit = options.Value.EpisodeLimit;
        await WriteAsync(new UserMemoryState { Facts = state.State.Facts, Episodes = episodes.Skip(Math.Max(0, episodes.Count - limit)).ToList() });
    }

    public Task<(int Total, IReadOnlyList<AgentRunSummary> Items)> ListEpisodesAsync(int offset, int limit)
    {
        var episodes = state.State.Episodes;
        IReadOnlyList<AgentRunSummary> page = [.. episodes.AsEnumerable().Reverse().Skip(offset).Take(limit)];
        return Task.FromResult((episodes.Count, page));
    }

    // Build the new state, write it; on failure the previous state stays and the caller sees the error.
    private async Task WriteAsync(UserMemoryState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }

    private void RebuildIndex()
    {
        _index.Clear();
        foreach (var fact in state.State.Facts)
        {
            _index.Add(fact);
        }
    }
}
