namespace KylinMock.Jobs;

/// <summary>A seed derived from text that is the same in every process (string.GetHashCode is not).</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units, as a non-negative int.</summary>
    public static int Of(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }

    /// <summary>A uuid-shaped id derived from <paramref name="text"/>, the same in every process.</summary>
    public static string Uuid(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
