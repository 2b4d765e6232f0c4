namespace BigData.Storage.Inputs.Local;

/// <summary>
/// Path globs: <c>*</c> (any run of characters within one path segment, dot files included, as in Hadoop),
/// <c>?</c> (one character), <c>[abc]</c>, <c>[a-z]</c>, <c>[!a-z]</c> or <c>[^a-z]</c> (one character of a set),
/// <c>**</c> as a whole segment (any number of directories, none included) and <c>\</c> to quote the next character.
/// Matching is case-sensitive and ordinal.
/// </summary>
internal static class Glob
{
    /// <summary>True when <paramref name="text"/> holds an unquoted wildcard.</summary>
    public static bool HasWildcards(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '*' or '?':
                    return true;
                case '[' when ClassEnd(text, i) > 0:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Removes the quoting backslashes of a segment without wildcards.</summary>
    public static string Unquote(string segment)
    {
        if (!segment.Contains('\\'))
        {
            return segment;
        }

        var chars = new System.Text.StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '\\' && i + 1 < segment.Length)
            {
                i++;
            }

            chars.Append(segment[i]);
        }

        return chars.ToString();
    }

    /// <summary>Matches one path segment <paramref name="name"/> against one pattern segment.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Two cursors plus the position of the last '*', which is widened by one character on each mismatch:
        // linear in practice, no recursion.
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = ++p;
                starN = n;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            n = ++starN;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Matches the pattern element at <paramref name="p"/> against <paramref name="c"/>, advancing past it on success.</summary>
    private static bool MatchOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        switch (pattern[p])
        {
            case '?':
                p++;
                return true;
            case '\\' when p + 1 < pattern.Length:
                if (pattern[p + 1] != c)
                {
                    return false;
                }

                p += 2;
                return true;
            case '[':
                var end = ClassEnd(pattern, p);
                if (end > 0)
                {
                    if (!ClassContains(pattern[(p + 1)..end], c))
                    {
                        return false;
                    }

                    p = end + 1;
                    return true;
                }

                break;
        }

        if (pattern[p] != c)
        {
            return false;
        }

        p++;
        return true;
    }

    /// <summary>The index of the <c>]</c> closing the class that opens at <paramref name="open"/>, or -1 (then <c>[</c> is literal).</summary>
    private static int ClassEnd(ReadOnlySpan<char> pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        // A ']' right after the opening (or the negation) is a member, not the end.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the class body (between the brackets) admits <paramref name="c"/>.</summary>
    private static bool ClassContains(ReadOnlySpan<char> body, char c)
    {
        var negate = body.Length > 0 && body[0] is '!' or '^';
        if (negate)
        {
            body = body[1..];
        }

        var found = false;
        for (var i = 0; i < body.Length && !found; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                found = c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                found = body[i] == c;
            }
        }

        return found != negate;
    }
}
