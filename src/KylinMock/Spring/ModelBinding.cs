using System.Globalization;
using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>Binding rules of the model, project and query controllers (NBasicController) beside <see cref="SpringBinding"/>.</summary>
internal static class ModelBinding
{
    /// <summary>A required <c>String</c> on an NBasicController: missing is 400 KE-010000003 in Spring's words (NBC handleInvalidRequestParam).</summary>
    public static string RequiredString(KylinRequest request, string name) =>
        SpringBinding.String(request, name)
        ?? throw KylinException.WithRaw(ErrorCode.InvalidParameter, $"Required request parameter '{name}' for method parameter type String is not present").WithStatus(400);

    /// <summary>A <c>Long</c> parameter, null when missing or empty; not a number is Spring's 400 KE-010000003.</summary>
    public static long? Long(KylinRequest request, string name)
    {
        var values = request.Parameter(name);
        if (values is null || values[0].Trim().Length == 0)
        {
            return null;
        }

        var text = values[0].Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw KylinException.WithRaw(
                ErrorCode.InvalidParameter,
                $"Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; nested exception is java.lang.NumberFormatException: For input string: \"{text}\"").WithStatus(400);
    }

    /// <summary>NBasicController.checkNonNegativeIntegerArg: a negative value is KE-010043208.</summary>
    public static int NonNegative(int value) =>
        value >= 0 ? value : throw new KylinException(ErrorCode.IntegerNonNegativeCheck);

    /// <summary>Long.parseLong of a range bound: not a number is a NumberFormatException (400 KE-010000003).</summary>
    public static long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw KylinException.WithRaw(ErrorCode.InvalidParameter, $"For input string: \"{text}\"").WithStatus(400);
}
