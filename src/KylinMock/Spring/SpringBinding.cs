using System.Globalization;
using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>
/// Spring MVC's <c>@RequestParam</c> binding as Kylin's controllers get it: comma-split lists, a
/// repeated scalar joined (strings) or its first value taken (numbers), an empty value replaced by
/// the default, and Spring's own failure texts (400 KE-010043201 missing, 400 KE-010000003 type).
/// </summary>
internal static class SpringBinding
{
    /// <summary>A <c>List&lt;String&gt;</c> parameter: one value is split at commas and trimmed; repeated values are taken as they are.</summary>
    public static List<string>? StringList(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        if (values is null)
        {
            return null;
        }

        if (values.Count > 1)
        {
            return [.. values];
        }

        return values[0].Length == 0 ? [] : values[0].Split(',').Select(v => v.Trim()).ToList();
    }

    /// <summary>A <c>String[]</c> or <c>List</c> parameter: repeated values and comma lists split into items, empty items dropped; null when absent.</summary>
    public static string[]? Items(KylinRequest request, string name) =>
        request.Parameter(name)?.SelectMany(v => v.Split(',')).Where(v => v.Length > 0).ToArray();

    /// <summary>A <c>String</c> parameter: repeated values are joined with commas.</summary>
    public static string? String(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        return values is null ? null : string.Join(',', values);
    }

    /// <summary>A required <c>String</c>: missing is KE-010043201 (400); an empty value is passed on, as Spring does.</summary>
    public static string RequiredString(KylinRequest request, string name) =>
        String(request, name) ?? throw new KylinException(ErrorCode.RequestParameterEmpty, name).WithStatus(400);

    /// <summary>A required <c>Integer</c>: missing or empty is KE-010043201 (400).</summary>
    public static int RequiredInt(KylinRequest request, string name) =>
        OptionalInt(request, name) ?? throw new KylinException(ErrorCode.RequestParameterEmpty, name).WithStatus(400);

    /// <summary>A required <c>long</c>: missing or empty is KE-010043201 (400), not a number KE-010000003 (400).</summary>
    public static long RequiredLong(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        if (values is null || values[0].Length == 0)
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, name).WithStatus(400);
        }

        var text = new string(values[0].Where(c => !char.IsWhiteSpace(c)).ToArray());
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Mismatch(values, "long", $"java.lang.NumberFormatException: For input string: \"{text}\"");
    }

    /// <summary>An <c>Integer</c> with a default: missing or empty gives <paramref name="fallback"/>.</summary>
    public static int Int(KylinRequest request, string name, int fallback) => OptionalInt(request, name) ?? fallback;

    /// <summary>
    /// An <c>Integer[]</c> parameter with <c>defaultValue = ""</c>: missing or empty is empty; one value is
    /// split at commas; each element converted as an <c>Integer</c> is (an empty element is dropped).
    /// </summary>
    public static List<int> IntList(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        var parts = values is null ? [] : values.Count > 1 ? values : values[0].Split(',').ToList();
        var result = new List<int>(parts.Count);
        foreach (var part in parts)
        {
            var text = new string(part.Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (text.Length == 0)
            {
                continue;
            }

            result.Add(ParseJavaInt(text) ?? throw Mismatch(values!, "java.lang.Integer[]", $"java.lang.NumberFormatException: For input string: \"{text}\""));
        }

        return result;
    }

    /// <summary>
    /// A required <c>boolean</c>: missing, or empty (Spring converts "" to null, then AbstractNamedValueMethodArgumentResolver's
    /// handleMissingValueAfterConversion), is KE-010043201 (400); otherwise as <see cref="Bool"/>.
    /// </summary>
    public static bool RequiredBool(KylinRequest request, string name) =>
        string.IsNullOrWhiteSpace(request.Parameter(name)?[0])
            ? throw new KylinException(ErrorCode.RequestParameterEmpty, name).WithStatus(400)
            : Bool(request, name, false);

    /// <summary>A <c>boolean</c> with a default (Spring's true/on/yes/1 and false/off/no/0).</summary>
    public static bool Bool(KylinRequest request, string name, bool fallback)
    {
        var values = request.Parameter(name);
        var text = values?[0].Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "on" or "yes" or "1":
                return true;
            case "false" or "off" or "no" or "0":
                return false;
            default:
                throw Mismatch(values!, "boolean", $"java.lang.IllegalArgumentException: Invalid boolean value '{values![0]}'");
        }
    }

    private static int? OptionalInt(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        if (values is null || values[0].Length == 0)
        {
            return null;
        }

        // NumberUtils.parseNumber: all whitespace removed, hex through Integer.decode, else Integer.valueOf.
        var text = new string(values[0].Where(c => !char.IsWhiteSpace(c)).ToArray());
        return ParseJavaInt(text) ?? throw Mismatch(values, "java.lang.Integer", $"java.lang.NumberFormatException: For input string: \"{text}\"");
    }

    private static int? ParseJavaInt(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        var hex = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? body[2..] : body.StartsWith('#') ? body[1..] : null;
        if (hex is not null)
        {
            if (hex.Length == 0 || hex.StartsWith('-') || hex.StartsWith('+')
                || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                || hex.Length > 16)
            {
                return null;
            }

            var v = negative ? -h : h;
            return v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
        }

        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // MethodArgumentTypeMismatchException as Spring 5.3 words it, wrapped in KE-010000003 (400).
    private static KylinException Mismatch(List<string> values, string type, string cause)
    {
        var from = values.Count > 1 ? "java.lang.String[]" : "java.lang.String";
        return KylinException.WithRaw(
            ErrorCode.InvalidParameter,
            $"Failed to convert value of type '{from}' to required type '{type}'; nested exception is {cause}").WithStatus(400);
    }
}
