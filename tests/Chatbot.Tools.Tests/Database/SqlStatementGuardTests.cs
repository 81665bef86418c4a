using Chatbot.Tools.Database;
using Xunit;

namespace Chatbot.Tools.Tests.Database;

public sealed class SqlStatementGuardTests
{
    [Theory]
    [InlineData("SELECT * FROM orders")]
    [InlineData("select id, total from orders where note = 'please delete me; drop table x' order by id;")]
    [InlineData("WITH recent AS (SELECT * FROM orders WHERE id > 10) SELECT count(*) FROM recent")]
    [InlineData("SELECT 1 -- ; DROP TABLE orders")]
    [InlineData("SELECT /* update? no */ \"update\" FROM t")]
    [InlineData("SELECT $$ ; delete $$ AS text")]
    [InlineData("  \n SELECT 1 ;  \n ")]
    public void Check_SingleReadOnlyQuery_IsAccepted(string sql) => Assert.Null(SqlStatementGuard.Check(sql));

    [Theory]
    [InlineData("DELETE FROM orders", "Only SELECT")]
    [InlineData("UPDATE orders SET total = 0", "Only SELECT")]
    [InlineData("INSERT INTO orders VALUES (1)", "Only SELECT")]
    [InlineData("DROP TABLE orders", "Only SELECT")]
    [InlineData("PRAGMA query_only = OFF", "Only SELECT")]
    [InlineData("SELECT 1; DELETE FROM orders", "Only one statement")]
    [InlineData("SELECT 1; SELECT 2", "Only one statement")]
    [InlineData("SELECT 1 /* a */; /* b */ SELECT 2", "Only one statement")]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone", "DELETE is not allowed")]
    [InlineData("SELECT * INTO backup FROM orders", "INTO is not allowed")]
    [InlineData("SELECT * FROM orders FOR UPDATE", "UPDATE is not allowed")]
    [InlineData("SELECT 'unterminated", "not closed")]
    [InlineData("SELECT E'\\'; DELETE FROM orders; --'", "Backslashes")]
    [InlineData("/* only a comment */", "empty")]
    [InlineData("SELECT 1 /* unterminated", "not closed")]
    public void Check_AnythingElse_IsRefusedWithReason(string sql, string reason)
    {
        var problem = SqlStatementGuard.Check(sql);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
