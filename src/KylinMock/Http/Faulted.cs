using System.Text;

namespace KylinMock.Http;

/// <summary>The answers of armed faults that are not errors (an error fault is an <see cref="InjectedFault"/>).</summary>
internal static class Faulted
{
    /// <summary>A 200 whose JSON stops half-way.</summary>
    public static KylinAnswer Malformed() =>
        new(200, MediaTypes.V4, Encoding.UTF8.GetBytes("{\"code\":\"000\",\"data\":{\"value\":[{\"id\":\""));

    /// <summary>Aborts the connection; the client sees it closed without an answer.</summary>
    public static KylinAnswer Drop(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Abort();
        return new KylinAnswer(0, MediaTypes.Json, []);
    }
}
