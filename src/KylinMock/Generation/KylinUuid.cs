using Bogus;

namespace KylinMock.Fixtures;

/// <summary>Uuids for jobs, models and segments, drawn from the seeded randomizer.</summary>
internal static class KylinUuid
{
    /// <summary>A random version-4 uuid, as Kylin's ids (Java <c>UUID.randomUUID</c>) look.</summary>
    public static string Next(Randomizer random)
    {
        var bytes = random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);

        // Guid's byte order is fixed (little-endian fields) on every platform, so the text is too.
        return new Guid(bytes).ToString();
    }
}
