using System.Text;
using System.Text.RegularExpressions;

namespace KylinMock.Http;

/// <summary>
/// A route's path in Spring's <c>@RequestMapping</c> words: literal segments, <c>{name}</c> for one
/// segment and <c>{name:.+}</c> for one or more (slashes included), an optional trailing slash.
/// Matched case-sensitively against the decoded path; captured values are percent-decoded once more,
/// as Kylin's path variables are.
/// </summary>
internal sealed partial class PathTemplate
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();
    private readonly Regex regex;
    private readonly string[] names;

    // The literal text before the first variable: most lines of the table are ruled out by it without the regex.
    private readonly string prefix;

    public PathTemplate(string template)
    {
        Text = template;
        var pattern = new StringBuilder("^");
        var found = new List<string>();
        var at = 0;
        foreach (Match variable in Variable().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..variable.Index]));
            var name = variable.Groups["name"].Value;
            found.Add(name);
            pattern.Append("(?<").Append(name).Append('>').Append(variable.Groups["rest"].Success ? ".+" : "[^/]+").Append(')');
            at = variable.Index + variable.Length;
        }

        pattern.Append(Regex.Escape(template[at..])).Append("/?$");

        // Interpreted, not compiled: the table's ~60 lines would cost a server's start tens of milliseconds to compile,
        // and the prefix check leaves the regex a few lines a request.
        regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        prefix = (brace < 0 ? template : template[..brace]).TrimEnd('/');
        names = [.. found];
    }

    /// <summary>The template as written in the route table.</summary>
    public string Text { get; }

    /// <summary>Matches <paramref name="path"/>; on a match, the captured values by name.</summary>
    public bool TryMatch(string path, out IReadOnlyDictionary<string, string> values)
    {
        values = NoValues;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var match = regex.Match(path);
        if (!match.Success)
        {
            return false;
        }

        if (names.Length > 0)
        {
            var captured = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
            foreach (var name in names)
            {
                captured[name] = Uri.UnescapeDataString(match.Groups[name].Value);
            }

            values = captured;
        }

        return true;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>:\.\+)?\}")]
    private static partial Regex Variable();
}
