using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks;

/// <summary>A benchmark scenario: it starts what it needs, measures it against a baseline in the same run, and reports.</summary>
public interface IScenario
{
    /// <summary>Name on the command line (<c>streaming</c>, <c>retrieval</c> …).</summary>
    string Name { get; }

    /// <summary>One line on what it measures.</summary>
    string Summary { get; }

    /// <summary>Runs the scenario.</summary>
    Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken);
}
