using System.Text;
using Chatbot.Knowledge.Graph;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

/// <summary>The README's schema tables are generated from <see cref="GraphSchema"/>: this test renders them and fails,
/// printing the tables to paste, when the README disagrees.</summary>
public sealed class GraphSchemaReadmeTests
{
    [Fact]
    public void Readme_SchemaTables_AreTheOnesGraphSchemaRenders()
    {
        var readme = File.ReadAllText(Path.Combine(Chatbot.Testing.RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var tables = Render();

        Assert.True(readme.Contains(tables, StringComparison.Ordinal), "README.md should contain these tables, generated from GraphSchema:\n\n" + tables);
    }

    /// <summary>The entity and relation tables in Markdown.</summary>
    public static string Render()
    {
        var text = new StringBuilder("| entity type | 中文 | what belongs to it |\n|---|---|---|\n");
        foreach (var entity in GraphSchema.EntityTypes)
        {
            text.Append($"| `{entity.Name}` | {entity.ChineseName} | {entity.Description} |\n");
        }

        text.Append("\n| relation | 中文 | meaning (source → target) | read forward / backward |\n|---|---|---|---|\n");
        foreach (var relation in GraphSchema.RelationTypes)
        {
            text.Append($"| `{relation.Name}` | {relation.ChineseName} | {relation.Description} | {relation.Phrase} / {relation.InversePhrase} |\n");
        }

        return text.ToString();
    }
}
