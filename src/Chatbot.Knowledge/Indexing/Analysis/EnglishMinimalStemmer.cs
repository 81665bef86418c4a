namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>
/// Plural-only stemmer (the "S-stemmer" of Harman 1991, as in Lucene's EnglishMinimalStemmer): conservative, so it
/// never merges unrelated words, and cheap. Words containing digits are left alone.
/// </summary>
internal static class EnglishMinimalStemmer
{
    public static string Stem(string word)
    {
        var len = word.Length;
        if (len < 3 || word[len - 1] != 's' || word.Any(char.IsDigit))
        {
            return word;
        }

        switch (word[len - 2])
        {
            case 'u':
            case 's':
                return word;
            case 'e':
                if (len > 3 && word[len - 3] == 'i' && word[len - 4] != 'a' && word[len - 4] != 'e')
                {
                    return string.Concat(word.AsSpan(0, len - 3), "y");
                }

                if (word[len - 3] is 'i' or 'a' or 'o' or 'e')
                {
                    return word;
                }

                return word[..(len - 1)];
            default:
                return word[..(len - 1)];
        }
    }
}
