using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>One Kylin 4 controller method as a route's provider: bind, one backend call, write (the handlers live in the *ControllerV1 classes).</summary>
internal sealed class Kylin4Operation(Func<KylinRequest, RequestContext, KylinAnswer> handle) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context) => handle(request, context);

    /// <summary>The controller method, for example <c>JobControllerV1.Resume</c>.</summary>
    public string? Name { get; } = handle.Method.DeclaringType?.Name + "." + handle.Method.Name;

    /// <summary>200 with a JSON body.</summary>
    public static KylinAnswer Json(byte[] body) => new(200, MediaTypes.Json, body);

    /// <summary>200 with no body and no Content-Type: a <c>@ResponseBody</c> method that returned null or void (contract §1.6).</summary>
    public static KylinAnswer Empty() => new(200, string.Empty, []);
}

/// <summary>Spring's binding of Kylin 4's query parameters (contract §1.1, §3.6).</summary>
internal static class Kylin4Binding
{
    /// <summary>
    /// A <c>@RequestBody</c> bound by the one binder (<see cref="RequestBodyReader"/>), its refusals as BasicController's catch-all
    /// answers them (a 500 naming the exception): HttpMediaTypeNotSupportedException, or HttpMessageNotReadableException.
    /// </summary>
    public static BoundBody Body(KylinRequest request, BodyShape shape)
    {
        try
        {
            return RequestBodyReader.Read(request.Body, request.Header("Content-Type"), shape);
        }
        catch (BodyRefusal refusal)
        {
            throw refusal.Kind switch
            {
                BodyRefusalKind.MediaType => Kylin4Error.Plain("org.springframework.web.HttpMediaTypeNotSupportedException", refusal.Text),
                BodyRefusalKind.Missing => Kylin4Error.Plain("org.springframework.http.converter.HttpMessageNotReadableException", "Required request body is missing"),
                _ => Kylin4Error.Plain("org.springframework.http.converter.HttpMessageNotReadableException", "JSON parse error: " + refusal.Text),
            };
        }
    }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public static string? String(KylinRequest request, string name) => request.Parameter(name) is [var first, ..] ? first : null;

    /// <summary>An Integer parameter, or <paramref name="fallback"/>; a non-integer is Spring's BindException, a 500.</summary>
    public static int? Int(KylinRequest request, string name, int? fallback)
    {
        var text = String(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Kylin4Error.Plain("org.springframework.validation.BindException", BindText(name, text));
    }

    /// <summary>
    /// A primitive <c>boolean</c> parameter (<c>required = false</c>): Spring's StringToBooleanConverter (true/on/yes/1,
    /// false/off/no/0, ignoring case); absent or empty is false; anything else MethodArgumentTypeMismatchException, a 500.
    /// </summary>
    public static bool Bool(KylinRequest request, string name)
    {
        var text = String(request, name)?.Trim();
        return text?.ToLowerInvariant() switch
        {
            null or "" or "false" or "off" or "no" or "0" => false,
            "true" or "on" or "yes" or "1" => true,
            _ => throw Kylin4Error.Plain("org.springframework.web.method.annotation.MethodArgumentTypeMismatchException", $"Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is java.lang.IllegalArgumentException: Invalid boolean value [{text}]"),
        };
    }

    /// <summary>A <c>List&lt;Integer&gt;</c> parameter: repeated or comma-separated; null when absent.</summary>
    public static List<int>? Ints(KylinRequest request, string name)
    {
        if (request.Parameter(name) is not { Count: > 0 } values)
        {
            return null;
        }

        var list = new List<int>();
        foreach (var part in values.SelectMany(v => v.Split(',')).Where(v => v.Length > 0))
        {
            list.Add(int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Kylin4Error.Plain("org.springframework.validation.BindException", BindText(name, part)));
        }

        return list;
    }

    private static string BindText(string name, string text) =>
        $"org.springframework.validation.BeanPropertyBindingResult: 1 errors\nField error in object 'jobListRequest' on field '{name}': rejected value [{text}]; "
        + $"codes [typeMismatch.jobListRequest.{name},typeMismatch.{name},typeMismatch]; default message [Failed to convert property value of type 'java.lang.String' to required type 'java.lang.Integer' for property '{name}'; nested exception is java.lang.NumberFormatException: For input string: \"{text}\"]";
}
