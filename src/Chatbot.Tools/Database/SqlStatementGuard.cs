using System.Collections.Frozen;

namespace Chatbot.Tools.Database;

/// <summary>
/// The first line of the database tool's read-only defence (the read-only transaction is the second): accepts one
/// <c>SELECT</c> or <c>WITH</c> statement and nothing else. It scans the SQL the way the server will, skipping
/// string literals, quoted identifiers, dollar-quoted bodies and comments, so a keyword hidden in a string does not
/// count and a statement hidden in a comment cannot slip through. Stateless and thread-safe.
/// </summary>
public static class SqlStatementGuard
{
    // Keywords that write, change the schema or the session, or lock, anywhere in the statement; also catches
    // data-modifying CTEs ("WITH d AS (DELETE ...) SELECT") and SELECT ... INTO (which creates a table in PostgreSQL).
    private static readonly FrozenSet<string> s_forbidden = new[]
    {
        "insert", "update", "delete", "merge", "upsert", "replace", "create", "alter", "drop", "truncate", "rename",
        "grant", "revoke", "attach", "detach", "pragma", "vacuum", "analyze", "reindex", "copy", "call", "do", "exec",
        "execute", "lock", "set", "reset", "listen", "notify", "unlisten", "into", "begin", "commit", "rollback",
        "savepoint", "release", "prepare", "deallocate", "load", "import", "refresh", "cluster", "discard", "comment",
        "security", "checkpoint",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="sql"/> is refused, or null when it is a single read-only query.</summary>
    public static string? Check(string sql)
    {
        var words = new List<string>();
        var statements = 0;
        var inStatement = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == ';')
            {
                inStatement = false;
                i++;
            }
            else if (IsCommentStart(sql, i))
            {
                if (Skip(sql, ref i) is { } unterminated)
                {
                    return unterminated;
                }
            }
            else if (!inStatement && ++statements > 1)
            {
                return "Only one statement is allowed; remove everything after the first ';'.";
            }
            else
            {
                inStatement = true;
                if (c is '\'' or '"' or '`' or '$')
                {
                    if (Skip(sql, ref i) is { } problem)
                    {
                        return problem;
                    }
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                    {
                        i++;
                    }

                    words.Add(sql[start..i]);
                }
                else
                {
                    i++;
                }
            }
        }

        if (words.Count == 0)
        {
            return "The query is empty.";
        }

        if (!words[0].Equals("select", StringComparison.OrdinalIgnoreCase) && !words[0].Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            return $"Only SELECT (or WITH ... SELECT) queries are allowed, not {words[0].ToUpperInvariant()}.";
        }

        return words.FirstOrDefault(s_forbidden.Contains) is { } forbidden
            ? $"The keyword {forbidden.ToUpperInvariant()} is not allowed in a read-only query."
            : null;
    }

    private static bool IsCommentStart(string sql, int i) =>
        i + 1 < sql.Length && ((sql[i] == '-' && sql[i + 1] == '-') || (sql[i] == '/' && sql[i + 1] == '*'));

    // Moves past a literal, quoted identifier or comment starting at i; returns an error when it never ends.
    private static string? Skip(string sql, ref int i)
    {
        var c = sql[i];
        if (c is '\'' or '"' or '`')
        {
            var end = FindClosingQuote(sql, i + 1, c);
            if (end < 0)
            {
                return "A quoted string or identifier is not closed.";
            }

            // Whether a backslash escapes the quote depends on the dialect and server settings (E'..',
            // standard_conforming_strings); refusing it keeps our idea of where the literal ends the server's.
            if (c == '\'' && sql.AsSpan(i, end - i).Contains('\\'))
            {
                return "Backslashes inside string literals are not allowed.";
            }

            i = end + 1;
            return null;
        }

        if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
        {
            var end = sql.IndexOf('\n', i);
            i = end < 0 ? sql.Length : end + 1;
            return null;
        }

        if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
        {
            // PostgreSQL nests block comments; counting depth is right there and harmless for SQLite.
            var depth = 0;
            for (; i < sql.Length - 1; i++)
            {
                if (sql[i] == '/' && sql[i + 1] == '*')
                {
                    depth++;
                    i++;
                }
                else if (sql[i] == '*' && sql[i + 1] == '/')
                {
                    i++;
                    if (--depth == 0)
                    {
                        i++;
                        return null;
                    }
                }
            }

            return "A /* comment */ is not closed.";
        }

        if (c == '$' && DollarTag(sql, i) is { } tag)
        {
            var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                return "A $$-quoted string is not closed.";
            }

            i = end + tag.Length;
            return null;
        }

        i++; // a lone '$' (e.g. a $1 parameter marker)
        return null;
    }

    private static int FindClosingQuote(string sql, int from, char quote)
    {
        for (var i = from; i < sql.Length; i++)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++; // doubled quote is an escaped quote
                    continue;
                }

                return i;
            }
        }

        return -1;
    }

    // "$$" or "$tag$" (a tag is letters, digits and underscores, not starting with a digit).
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' && (j == i + 1 || !char.IsDigit(sql[i + 1])) ? sql[i..(j + 1)] : null;
    }
}
