namespace KylinMock.Sql.Dialect;

/// <summary>What a token of Kylin's SQL is.</summary>
internal enum TokenKind
{
    /// <summary>An unquoted word: keyword, function or identifier.</summary>
    Word,

    /// <summary>A double-quoted identifier (the text holds the quotes).</summary>
    Quoted,

    /// <summary>A single-quoted string literal (the text holds the quotes).</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>An operator or punctuation.</summary>
    Symbol,
}

/// <summary>One token with where it starts in the text it was read from.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text as written.</param>
/// <param name="Offset">Where it starts (0-based).</param>
internal readonly record struct SqlToken(TokenKind Kind, string Text, int Offset)
{
    /// <summary>Whether this is the unquoted word <paramref name="word"/> (ignoring case).</summary>
    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>The identifier it names: an unquoted word upper-cased (Calcite's TO_UPPER), a quoted one as written.</summary>
    public string Identifier => Kind == TokenKind.Quoted ? Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Text.ToUpperInvariant();
}

/// <summary>A lexical error, in Calcite's words.</summary>
internal sealed class SqlLexicalException(string message) : Exception(message);
