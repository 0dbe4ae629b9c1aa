using Newtonsoft.Json;

namespace KylinMock.Fixtures;

/// <summary>Whether a fixture text names its jobs at all, read in one streaming pass without building it.</summary>
internal static class FixtureShape
{
    /// <summary>
    /// True for a bare array of jobs or an object with <c>jobs</c>, <c>value</c> or <c>data</c> at its
    /// top level; false for an object without any (say <c>{"fixture":"..."}</c>), which would read as no jobs.
    /// Malformed text is true: the fixture reader reports it with its place.
    /// </summary>
    public static bool NamesJobs(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
        try
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                if ((string?)reader.Value is "jobs" or "value" or "data")
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }

            return false;
        }
        catch (JsonReaderException)
        {
            return true;
        }
    }
}
